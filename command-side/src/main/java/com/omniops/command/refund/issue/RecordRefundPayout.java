package com.omniops.command.refund.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund's part of {@link com.omniops.command.refund.IssueRefund} (sent by {@link RefundPayout}). */
public record RecordRefundPayout(@TargetAggregateIdentifier String refundId, String paymentReference,
                                 String failureReason, boolean retry) {
}
