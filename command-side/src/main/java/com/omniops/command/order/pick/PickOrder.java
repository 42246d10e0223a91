package com.omniops.command.order.pick;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Everything reserved for the order in the warehouse was picked. */
public record PickOrder(@TargetAggregateIdentifier String orderId, String warehouseId, String pickedBy) {
}
