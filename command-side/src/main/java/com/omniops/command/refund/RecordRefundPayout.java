package com.omniops.command.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund's part of {@link IssueRefund}. */
public record RecordRefundPayout(@TargetAggregateIdentifier String refundId, String paymentReference,
                                 String failureReason, boolean retry) {
}
