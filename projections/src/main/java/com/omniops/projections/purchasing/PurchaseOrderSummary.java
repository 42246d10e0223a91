package com.omniops.projections.purchasing;

import java.time.Instant;
import java.time.LocalDate;

/** A purchase order on the list: {@code openUnits} are still expected (0 once it is received, closed or cancelled). */
public record PurchaseOrderSummary(String purchaseOrderId, String supplierId, String warehouseId, String status,
                                   String origin, String currency, LocalDate expectedDate, int unitsOrdered,
                                   int unitsReceived, int openUnits, Instant draftedAt) {
}
