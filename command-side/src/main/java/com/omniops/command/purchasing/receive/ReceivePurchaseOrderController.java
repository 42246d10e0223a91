package com.omniops.command.purchasing.receive;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.PurchaseOrders;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.WAREHOUSE;

/** Goods arrive against a purchase order and enter stock at its unit cost. */
@AllowedRoles({WAREHOUSE, PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/purchase-orders")
@Tag(name = "Purchasing")
public class ReceivePurchaseOrderController {

    private final CommandGateway commands;
    private final SupplierDirectory suppliers;

    public ReceivePurchaseOrderController(CommandGateway commands, SupplierDirectory suppliers) {
        this.commands = commands;
        this.suppliers = suppliers;
    }

    @Schema(name = "PurchaseOrderReceiptRequest")
    public record ReceiptRequest(
            @Schema(description = "Id of the goods receipt; generated when omitted", example = "GRN-2026-0311")
            @Size(max = 64) String receiptId,
            @Schema(description = "Lines received (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid ReceiptLine> lines) {
    }

    @Schema(name = "PurchaseOrderReceiptLine")
    public record ReceiptLine(
            @Schema(description = "Number of the purchase order line (1 for the first)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units received, a whole number from 1 to 10000000", example = "96")
            @NotNull @Positive @Max(10_000_000) Integer quantity) {
    }

    @PostMapping("/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book a goods receipt: the units enter stock at the order's unit cost (over-receipt beyond "
            + "the tolerance is refused)")
    public PurchaseOrderReceiving.Result receive(@PathVariable String id, @Valid @RequestBody ReceiptRequest request) {
        PurchaseOrders.requireExisting(suppliers, id);
        String receiptId = request.receiptId() == null || request.receiptId().isBlank()
                ? "GRN-" + UUID.randomUUID() : request.receiptId().strip();
        return commands.sendAndWait(new ReceivePurchaseOrder(id, receiptId, request.lines().stream()
                .map(l -> new ReceivePurchaseOrder.Line(l.lineNo(), l.quantity())).toList()));
    }
}
