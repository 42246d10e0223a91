package com.omniops.projections.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record PurchaseOrderDetails(String purchaseOrderId, String supplierId, String warehouseId, String status,
                                   String origin, String currency, LocalDate expectedDate, LocalDate confirmedDate,
                                   Instant draftedAt, Instant submittedAt, Instant lastReceivedAt, Instant endedAt,
                                   String endReason, List<Line> lines) {

    /** {@code expected} is the confirmed quantity once confirmed, else the ordered one. */
    public record Line(int lineNo, String sku, int ordered, Integer confirmed, int expected, int received, int open,
                       BigDecimal unitCost) {
    }
}
