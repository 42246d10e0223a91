package com.omniops.command.refund.issue;

/**
 * The outcome of paying an approved refund out: {@code paymentReference} when the provider paid it, otherwise
 * {@code failureReason}. {@code retry} marks a new attempt after a failed one (only allowed then). Handled by
 * {@link RefundPayout}: a payout also turns the order's earmark into refunded money.
 */
public record IssueRefund(String refundId, String paymentReference, String failureReason, boolean retry) {
}
