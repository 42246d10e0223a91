package com.omniops.events.order;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The earmarked refund was approved (by policy or by finance) and may now be paid out. */
@Revision("1")
public record OrderRefundApproved(String orderId, String refundId, Money amount, Instant approvedAt)
        implements OrderEvent {
}
