package com.omniops.command.order.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's part of rejecting a refund: its earmark is released (sent by refund/reject). */
public record RecordEarmarkRelease(@TargetAggregateIdentifier String orderId, String refundId, String reason) {
}
