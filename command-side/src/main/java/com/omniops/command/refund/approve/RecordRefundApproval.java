package com.omniops.command.refund.approve;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund's part of {@link com.omniops.command.refund.ApproveRefund} (sent by {@link RefundApproval}). */
public record RecordRefundApproval(@TargetAggregateIdentifier String refundId, String approvedBy) {
}
