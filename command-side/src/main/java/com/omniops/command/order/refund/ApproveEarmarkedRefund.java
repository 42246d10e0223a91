package com.omniops.command.order.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveEarmarkedRefund(@TargetAggregateIdentifier String orderId, String refundId) {
}
