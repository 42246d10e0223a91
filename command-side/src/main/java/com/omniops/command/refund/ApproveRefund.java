package com.omniops.command.refund;

/** A finance user approves a requested refund. Handled by {@link RefundDecisions} (refund and order together). */
public record ApproveRefund(String refundId, String approvedBy) {
}
