package com.omniops.events.order;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The refund was rejected: its earmark is given back to the order's refundable balance. */
@Revision("1")
public record OrderRefundReleased(String orderId, String refundId, Money amount, String reason, Instant releasedAt)
        implements OrderEvent {
}
