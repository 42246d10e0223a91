package com.omniops.events.refund;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Paying the refund out failed on attempt {@code attempt}; it stays earmarked and can be retried. */
@Revision("1")
public record RefundIssueFailed(String refundId, String orderId, String reason, int attempt, Instant failedAt)
        implements RefundEvent {
}
