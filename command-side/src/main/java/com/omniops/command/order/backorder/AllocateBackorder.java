package com.omniops.command.order.backorder;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records on the order that units of a backordered line were reserved in a warehouse. */
public record AllocateBackorder(@TargetAggregateIdentifier String orderId, int lineNo, String warehouseId,
                                int quantity) {
}
