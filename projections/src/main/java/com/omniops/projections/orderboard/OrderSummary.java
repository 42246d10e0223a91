package com.omniops.projections.orderboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the order board list. */
public record OrderSummary(String orderId, String channelId, String channelOrderRef, String customerId,
                           String currency, OrderBoardStatus status, int lineCount, int unitsOrdered,
                           int unitsAllocated, int unitsBackordered, int unitsShipped, BigDecimal orderTotal,
                           Instant placedAt, LocalDate promisedShipDate, Instant lastShippedAt,
                           Instant deliveredAt, int shipments, int unitsReturned, BigDecimal captured,
                           BigDecimal refunded, String paymentStatus, String refundStatus) {
}
