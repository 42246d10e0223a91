package com.omniops.command.refund;

/** A finance user refuses a refund that was not paid out; the order's earmark is released with it. */
public record RejectRefund(String refundId, String reason, String rejectedBy) {
}
