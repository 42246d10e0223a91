package com.omniops.command.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund's part of {@link ApproveRefund} (sent by {@link RefundDecisions} with the order's). */
public record RecordRefundApproval(@TargetAggregateIdentifier String refundId, String approvedBy) {
}
