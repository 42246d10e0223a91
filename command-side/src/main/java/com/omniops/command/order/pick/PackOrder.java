package com.omniops.command.order.pick;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The warehouse's picked units were packed into parcels. */
public record PackOrder(@TargetAggregateIdentifier String orderId, String warehouseId, int parcels) {
}
