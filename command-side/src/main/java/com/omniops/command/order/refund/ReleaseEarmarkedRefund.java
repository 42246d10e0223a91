package com.omniops.command.order.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleaseEarmarkedRefund(@TargetAggregateIdentifier String orderId, String refundId, String reason) {
}
