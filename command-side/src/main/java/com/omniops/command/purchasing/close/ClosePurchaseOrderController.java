package com.omniops.command.purchasing.close;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.PurchaseOrderView;
import com.omniops.command.purchasing.PurchaseOrders.ReasonRequest;
import com.omniops.command.purchasing.PurchaseOrders;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** An order that received goods is closed; what was not delivered is no longer expected. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/purchase-orders")
@Tag(name = "Purchasing")
public class ClosePurchaseOrderController {

    private final CommandGateway commands;
    private final SupplierDirectory suppliers;

    public ClosePurchaseOrderController(CommandGateway commands, SupplierDirectory suppliers) {
        this.commands = commands;
        this.suppliers = suppliers;
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an order that received goods; what was not delivered is no longer expected")
    public PurchaseOrderView close(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        PurchaseOrders.requireExisting(suppliers, id);
        return commands.sendAndWait(new ClosePurchaseOrder(id, request.reason()));
    }
}
