package com.omniops.command.purchasing.confirm;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.PurchaseOrderView;
import com.omniops.command.purchasing.PurchaseOrders;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** The supplier confirms a submitted order: its date and, per line, the quantity it will deliver. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/purchase-orders")
@Tag(name = "Purchasing")
public class ConfirmPurchaseOrderController {

    private final CommandGateway commands;
    private final SupplierDirectory suppliers;

    public ConfirmPurchaseOrderController(CommandGateway commands, SupplierDirectory suppliers) {
        this.commands = commands;
        this.suppliers = suppliers;
    }

    @Schema(name = "PurchaseOrderConfirmRequest")
    public record ConfirmRequest(
            @Schema(description = "ISO 8601 date the supplier confirmed the order", example = "2026-03-03")
            LocalDate confirmedDate,
            @Schema(description = "Confirmed quantities of some lines; lines not given are confirmed as ordered")
            @Size(max = 200) List<@NotNull @Valid ConfirmLine> lines) {
    }

    @Schema(name = "PurchaseOrderConfirmLine")
    public record ConfirmLine(
            @Schema(description = "Number of the purchase order line (1 for the first)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units the supplier confirmed, a whole number, 0 or more", example = "96")
            @NotNull @PositiveOrZero Integer quantity) {
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Record the supplier's confirmation: date and confirmed quantity per line (others as ordered)")
    public PurchaseOrderView confirm(@PathVariable String id, @Valid @RequestBody ConfirmRequest request) {
        PurchaseOrders.requireExisting(suppliers, id);
        List<ConfirmedLine> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new ConfirmedLine(l.lineNo(), l.quantity())).toList();
        return commands.sendAndWait(new ConfirmPurchaseOrder(id, request.confirmedDate(), lines));
    }
}
