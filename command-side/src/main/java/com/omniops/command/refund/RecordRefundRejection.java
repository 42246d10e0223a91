package com.omniops.command.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund's part of {@link RejectRefund}. */
public record RecordRefundRejection(@TargetAggregateIdentifier String refundId, String reason, String rejectedBy) {
}
