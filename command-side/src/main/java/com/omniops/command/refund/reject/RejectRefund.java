package com.omniops.command.refund.reject;

/**
 * A finance user refuses a refund that was not paid out; the order's earmark is released with it. Handled by
 * {@link RefundRejection}.
 */
public record RejectRefund(String refundId, String reason, String rejectedBy) {
}
