package com.omniops.command.order.backorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records on the order that units of a backordered line were reserved in a warehouse (sent by
 * {@link BackorderAllocation} with the stock item's reservation).
 */
public record RecordBackorderAllocation(@TargetAggregateIdentifier String orderId, int lineNo, String warehouseId,
                                        int quantity) {
}
