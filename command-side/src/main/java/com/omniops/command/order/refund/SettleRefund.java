package com.omniops.command.order.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SettleRefund(@TargetAggregateIdentifier String orderId, String refundId, String paymentReference) {
}
