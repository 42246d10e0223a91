package com.omniops.command.purchasing.submit;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.PurchaseOrderView;
import com.omniops.command.purchasing.PurchaseOrders;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** A draft goes to the supplier; its open quantities count as incoming stock from now on. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/purchase-orders")
@Tag(name = "Purchasing")
public class SubmitPurchaseOrderController {

    private final CommandGateway commands;
    private final SupplierDirectory suppliers;

    public SubmitPurchaseOrderController(CommandGateway commands, SupplierDirectory suppliers) {
        this.commands = commands;
        this.suppliers = suppliers;
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft to the supplier; its open quantities now count as incoming stock")
    public PurchaseOrderView submit(@PathVariable String id) {
        PurchaseOrders.requireExisting(suppliers, id);
        return commands.sendAndWait(new SubmitPurchaseOrder(id));
    }
}
