package com.omniops.command.refund.approve;

/** A finance user approves a requested refund. Handled by {@link RefundApproval} (refund and order together). */
public record ApproveRefund(String refundId, String approvedBy) {
}
