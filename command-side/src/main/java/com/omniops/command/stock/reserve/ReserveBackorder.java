package com.omniops.command.stock.reserve;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reserves more units for an order line that already may hold some here (a backorder being filled): unlike
 * {@link ReserveStock}, which is idempotent per line, this adds to the line's reservation.
 */
public record ReserveBackorder(@TargetAggregateIdentifier String stockItemId, String orderId, int lineNo,
                               int quantity) {
}
