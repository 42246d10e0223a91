package com.omniops.events.refund;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Finance refused the refund; the order's earmark was released in the same transaction. */
@Revision("1")
public record RefundRejected(String refundId, String orderId, Money amount, String reason, String rejectedBy,
                             Instant rejectedAt) implements RefundEvent {
}
