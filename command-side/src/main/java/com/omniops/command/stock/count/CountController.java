package com.omniops.command.stock.count;

import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.Inputs;
import com.omniops.command.stock.StockItems;
import com.omniops.support.security.Actor;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
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

import java.util.UUID;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.WAREHOUSE;

/** Cycle counts of one stock item and the decisions on counts that wait for approval. */
@RestController
@RequestMapping("/api/stock/{warehouseId}/{sku}")
@Validated
@Tag(name = "Stock")
public class CountController {

    private final CommandGateway commands;
    private final StockItemRegistry registry;

    public CountController(CommandGateway commands, StockItemRegistry registry) {
        this.commands = commands;
        this.registry = registry;
    }

    public record CountRequest(
            @Schema(description = "Units found on hand, a whole number from 0 to 10000000", example = "46")
            @NotNull @PositiveOrZero @Max(10_000_000) Integer countedQuantity,
            @Schema(description = "Free text (up to 500 characters)", example = "Cycle count, aisle 4")
            @Size(max = 500) String note) {
    }

    public record ApprovalRequest(
            @Schema(description = "Note of the approver (up to 500 characters)",
                    example = "Recount confirmed the difference")
            @Size(max = 500) String note) {
    }

    public record RejectionRequest(
            @Schema(description = "Why the count is rejected (up to 500 characters)",
                    example = "Count taken during an open receipt")
            @NotBlank @Size(max = 500) String reason) {
    }

    @AllowedRoles({WAREHOUSE, ADMIN})
    @PostMapping("/counts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a cycle count: a variance within tolerance (omniops.counts.*) is adjusted at once "
            + "(COUNT_CORRECTION, status APPLIED); any other waits for approval (status PENDING, an adjustment "
            + "request with the count's id) and blocks further counts of the item (409 COUNT_PENDING)")
    public CountResult count(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                             @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                             @Valid @RequestBody CountRequest request) {
        return commands.sendAndWait(new RecordStockCount(StockItems.requireExisting(registry, warehouseId, sku),
                UUID.randomUUID().toString(), request.countedQuantity(), request.note(), Actor.currentName()));
    }

    @AllowedRoles({FINANCE, ADMIN})
    @PostMapping("/adjustment-requests/{countId}/approve")
    @Operation(summary = "Approve a pending count (ADMIN or FINANCE, not the person who counted): its variance is "
            + "adjusted; refused with 422 ADJUSTMENT_BELOW_RESERVED while it would leave reservations uncovered")
    public CountResult approve(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                               @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                               @PathVariable @Pattern(regexp = Inputs.CODE) String countId,
                               @Valid @RequestBody(required = false) ApprovalRequest request) {
        return commands.sendAndWait(new ApproveStockCount(StockItems.requireExisting(registry, warehouseId, sku),
                countId, Actor.currentName(), request == null ? null : request.note()));
    }

    @AllowedRoles({FINANCE, ADMIN})
    @PostMapping("/adjustment-requests/{countId}/reject")
    @Operation(summary = "Reject a pending count (ADMIN or FINANCE, not the person who counted): nothing changes "
            + "and the item may be counted again")
    public CountResult reject(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                              @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                              @PathVariable @Pattern(regexp = Inputs.CODE) String countId,
                              @Valid @RequestBody RejectionRequest request) {
        return commands.sendAndWait(new RejectStockCount(StockItems.requireExisting(registry, warehouseId, sku),
                countId, Actor.currentName(), request.reason()));
    }

}
