package com.omniops.command.stock.hold;

import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.Inputs;
import com.omniops.command.stock.StockItems;
import com.omniops.command.stock.StockLevel;
import com.omniops.events.stock.StockHold;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.WAREHOUSE;

/** Held units (quarantine, refurbishment) leave their hold: released for sale again or written off. */
@AllowedRoles({WAREHOUSE, ADMIN})
@RestController
@RequestMapping("/api/stock/{warehouseId}/{sku}")
@Validated
@Tag(name = "Stock")
public class HeldStockController {

    private final CommandGateway commands;
    private final StockItemRegistry registry;

    public HeldStockController(CommandGateway commands, StockItemRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    @Schema(name = "StockHeldStockRequest")
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
        String id = StockItems.requireExisting(registry, warehouseId, sku);
        return commands.sendAndWait(release
                ? new ReleaseHeldStock(id, hold, request.quantity(), request.note())
                : new WriteOffHeldStock(id, hold, request.quantity(), request.note()));
    }
}
