package com.omniops.command.refund.reject;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund's part of {@link RejectRefund} (sent by {@link RefundRejection}). */
public record RecordRefundRejection(@TargetAggregateIdentifier String refundId, String reason, String rejectedBy) {
}
