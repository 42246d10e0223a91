package com.omniops.projections.refunds;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund for finance: status REQUESTED, APPROVED, ISSUED, FAILED (payout failed, may be retried) or REJECTED;
 * {@code automatic} when the auto-approval policy approved it; {@code decidedAt} when it was approved or rejected.
 */
public record RefundView(String refundId, String orderId, BigDecimal amount, String currency, String source,
                         String reason, String returnId, String status, boolean automatic, String approvedBy,
                         String rejectedBy, String rejectionReason, String paymentReference, int attempts,
                         String lastFailure, Instant requestedAt, Instant decidedAt, Instant issuedAt) {
}
