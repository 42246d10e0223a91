package com.omniops.command.order.returns;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The returned units arrived at {@code warehouseId}, which must carry every returned SKU. */
public record ReceiveReturn(@TargetAggregateIdentifier String orderId, String returnId, String warehouseId) {
}
