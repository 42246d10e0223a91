package com.omniops.command.refund;

/** A finance user approves a requested refund. Handled by approve/RefundApproval (refund and order together). */
public record ApproveRefund(String refundId, String approvedBy) {
}
