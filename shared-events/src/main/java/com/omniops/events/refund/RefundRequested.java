package com.omniops.events.refund;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A refund of {@code amount} was requested for an order; {@code lines} is empty when it is a plain amount (goodwill,
 * cancellation). {@code returnId} links it to a return when {@code source} is RETURN. The order earmarked the amount
 * in the same transaction.
 */
@Revision("1")
public record RefundRequested(String refundId, String orderId, Money amount, List<RefundLine> lines, String reason,
                              RefundSource source, String returnId, Instant requestedAt) implements RefundEvent {
    public RefundRequested {
        lines = List.copyOf(lines);
    }
}
