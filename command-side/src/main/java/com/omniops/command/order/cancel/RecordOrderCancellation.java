package com.omniops.command.order.cancel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordOrderCancellation(@TargetAggregateIdentifier String orderId, String reason) {
}
