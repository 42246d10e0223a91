package com.omniops.command.purchasing;

import java.time.LocalDate;

/** What the command API answers after a purchase order command. */
public record PurchaseOrderView(String purchaseOrderId, PurchaseOrderStatus status, LocalDate expectedDate) {
}
