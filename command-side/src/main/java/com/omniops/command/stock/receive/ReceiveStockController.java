package com.omniops.command.stock.receive;

import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.command.stock.StockLevel;
import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
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

import static com.omniops.command.rule.Inputs.amount;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.WAREHOUSE;

/** Units arrive in a warehouse at a unit cost; the first receipt of a SKU there creates its stock item. */
@AllowedRoles({WAREHOUSE, PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/stock/{warehouseId}/{sku}")
@Validated
@Tag(name = "Stock")
public class ReceiveStockController {

    private final CommandGateway commands;

    public ReceiveStockController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "StockReceiptRequest")
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

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive units at a unit cost (revalues the moving-average cost)")
    public StockLevel receive(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                              @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                              @Valid @RequestBody ReceiptRequest request) {
        Inputs.requireMoney(request.currency(), amount("unitCost", request.unitCost()));
        Inputs.requireComputedAmount(request.unitCost().multiply(BigDecimal.valueOf(request.quantity())), "unitCost",
                "the receipt value (quantity × unit cost)");
        return commands.sendAndWait(new ReceiveStock(StreamIds.stockItem(warehouseId, sku), warehouseId, sku,
                request.quantity(), new Money(request.unitCost(), request.currency()),
                request.source() == null ? ReceiptSource.OTHER : request.source(), request.reference()));
    }
}
