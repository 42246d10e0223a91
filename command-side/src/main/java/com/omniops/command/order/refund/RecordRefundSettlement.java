package com.omniops.command.order.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's part of a refund paid out: its earmark becomes refunded money (sent by refund/issue). */
public record RecordRefundSettlement(@TargetAggregateIdentifier String orderId, String refundId,
                                     String paymentReference) {
}
