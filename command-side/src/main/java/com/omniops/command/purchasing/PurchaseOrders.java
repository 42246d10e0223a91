package com.omniops.command.purchasing;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** What the purchase order endpoints share: the check that an order exists and the body of cancel and close. */
public final class PurchaseOrders {

    private PurchaseOrders() {
    }

    /** A command for an unknown order is PURCHASE_ORDER_NOT_FOUND rather than an empty aggregate. */
    public static void requireExisting(SupplierDirectory suppliers, String id) {
        BusinessRuleViolation.require(suppliers.purchaseOrderExists(id), ErrorCode.PURCHASE_ORDER_NOT_FOUND,
                "There is no purchase order " + id + ".");
    }

    /** Why an order is cancelled or closed. */
    @Schema(name = "PurchaseOrderReasonRequest")
    public record ReasonRequest(
            @Schema(description = "Why (up to 500 characters)",
                    example = "Supplier cannot deliver before the season ends")
            @Size(max = 500) String reason) {
    }
}
