package com.omniops.command.stock.adjust;

import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.Inputs;
import com.omniops.command.stock.StockItems;
import com.omniops.command.stock.StockLevel;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.WAREHOUSE;

/** On-hand units change outside any order (damage, loss, found units), always with a reason code. */
@AllowedRoles({WAREHOUSE, ADMIN})
@RestController
@RequestMapping("/api/stock/{warehouseId}/{sku}")
@Validated
@Tag(name = "Stock")
public class AdjustStockController {

    private final CommandGateway commands;
    private final StockItemRegistry registry;

    public AdjustStockController(CommandGateway commands, StockItemRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    @Schema(name = "StockAdjustmentRequest")
    public record AdjustmentRequest(
            @Schema(description = "Units added (positive) or removed (negative), -1000000 to 1000000", example = "-2")
            @NotNull @Min(-1_000_000) @Max(1_000_000) Integer quantityDelta,
            @Schema(description = "Why the stock changes", example = "DAMAGED")
            @NotNull AdjustmentReason reason,
            @Schema(description = "Free text (up to 500 characters)", example = "Water damage in aisle 4")
            @Size(max = 500) String note) {
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adjust on-hand units with a mandatory reason code (may not drop below reserved units)")
    public StockLevel adjust(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                             @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                             @Valid @RequestBody AdjustmentRequest request) {
        String id = StockItems.requireExisting(registry, warehouseId, sku);
        return commands.sendAndWait(new AdjustStock(id, request.quantityDelta(), request.reason(), request.note()));
    }
}
