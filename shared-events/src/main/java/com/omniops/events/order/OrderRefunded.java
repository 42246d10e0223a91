package com.omniops.events.order;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The earmarked refund was paid out to the customer: the earmark becomes refunded money. */
@Revision("1")
public record OrderRefunded(String orderId, String refundId, Money amount, String paymentReference,
                            Instant refundedAt) implements OrderEvent {
}
