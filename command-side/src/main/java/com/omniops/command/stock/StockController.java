package com.omniops.command.stock;

import static com.omniops.command.rule.Inputs.amount;

import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.command.stock.adjust.AdjustStock;
import com.omniops.command.stock.hold.ReleaseHeldStock;
import com.omniops.command.stock.hold.WriteOffHeldStock;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockHold;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

@RestController
@RequestMapping("/api/stock/{warehouseId}/{sku}")
@Validated
@Tag(name = "Stock")
public class StockController {

    private final CommandGateway commands;
    private final StockItemRegistry registry;

    public StockController(CommandGateway commands, StockItemRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    public record ReceiptRequest(
            @Schema(description = "Units received, a whole number from 1 to 1000000", example = "48")
            @NotNull @Positive @Max(1_000_000) Integer quantity,
            @Schema(description = "Cost of one unit, 0 or more", example = "3.85")
            @NotNull @DecimalMin("0") @MoneyAmount BigDecimal unitCost,
            @Schema(description = "ISO 4217 currency code of the amounts", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Where the units came from; OTHER when omitted", example = "OPENING_BALANCE")
            ReceiptSource source,
            @Schema(description = "Reference of the source document (up to 64 characters)", example = "DN-55102")
            @Size(max = 64) String reference) {
    }

    public record AdjustmentRequest(
            @Schema(description = "Units added (positive) or removed (negative), -1000000 to 1000000", example = "-2")
            @NotNull @Min(-1_000_000) @Max(1_000_000) Integer quantityDelta,
            @Schema(description = "Why the stock changes", example = "DAMAGED")
            @NotNull AdjustmentReason reason,
            @Schema(description = "Free text (up to 500 characters)", example = "Water damage in aisle 4")
            @Size(max = 500) String note) {
    }

    public record HeldStockRequest(
            @Schema(description = "Units, a whole number from 1 to 1000000", example = "1")
            @NotNull @Positive @Max(1_000_000) Integer quantity,
            @Schema(description = "Free text (up to 500 characters)", example = "Cleaned and repacked")
            @Size(max = 500) String note) {
    }

    @PostMapping("/refurbishment/release")
    @Operation(summary = "Refurbished units become sellable again (available stock grows, on hand does not change)")
    public StockLevel releaseRefurbished(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                                         @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                                         @Valid @RequestBody HeldStockRequest request) {
        return held(warehouseId, sku, StockHold.REFURBISHMENT, request, true);
    }

    @PostMapping("/refurbishment/write-off")
    @Operation(summary = "Refurbishment units are scrapped: they leave on hand and their value is written off")
    public StockLevel writeOffRefurbished(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                                          @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                                          @Valid @RequestBody HeldStockRequest request) {
        return held(warehouseId, sku, StockHold.REFURBISHMENT, request, false);
    }

    @PostMapping("/quarantine/release")
    @Operation(summary = "Quarantined units are cleared and become sellable again")
    public StockLevel releaseQuarantined(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                                         @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                                         @Valid @RequestBody HeldStockRequest request) {
        return held(warehouseId, sku, StockHold.QUARANTINE, request, true);
    }

    @PostMapping("/quarantine/write-off")
    @Operation(summary = "Quarantined units are scrapped: they leave on hand and their value is written off")
    public StockLevel writeOffQuarantined(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                                          @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                                          @Valid @RequestBody HeldStockRequest request) {
        return held(warehouseId, sku, StockHold.QUARANTINE, request, false);
    }

    private StockLevel held(String warehouseId, String sku, StockHold hold, HeldStockRequest request,
                            boolean release) {
        BusinessRuleViolation.require(registry.exists(warehouseId, sku), ErrorCode.STOCK_ITEM_NOT_FOUND,
                "Warehouse " + warehouseId + " has never received SKU " + sku + ".");
        String id = StockItemId.of(warehouseId, sku);
        return commands.sendAndWait(release
                ? new ReleaseHeldStock(id, hold, request.quantity(), request.note())
                : new WriteOffHeldStock(id, hold, request.quantity(), request.note()));
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive units at a unit cost (revalues the moving-average cost)")
    public StockLevel receive(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                              @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                              @Valid @RequestBody ReceiptRequest request) {
        Inputs.requireMoney(request.currency(), amount("unitCost", request.unitCost()));
        Inputs.requireComputedAmount(request.unitCost().multiply(BigDecimal.valueOf(request.quantity())), "unitCost",
                "the receipt value (quantity × unit cost)");
        return commands.sendAndWait(new ReceiveStock(StockItemId.of(warehouseId, sku), warehouseId, sku,
                request.quantity(), new Money(request.unitCost(), request.currency()),
                request.source() == null ? ReceiptSource.OTHER : request.source(), request.reference()));
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adjust on-hand units with a mandatory reason code (may not drop below reserved units)")
    public StockLevel adjust(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                             @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                             @Valid @RequestBody AdjustmentRequest request) {
        BusinessRuleViolation.require(registry.exists(warehouseId, sku), ErrorCode.STOCK_ITEM_NOT_FOUND,
                "Warehouse " + warehouseId + " has never received SKU " + sku + ".");
        return commands.sendAndWait(new AdjustStock(StockItemId.of(warehouseId, sku), request.quantityDelta(),
                request.reason(), request.note()));
    }
}
