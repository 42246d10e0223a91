package com.omniops.events.order;

import com.omniops.events.Money;
import com.omniops.events.refund.RefundSource;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Money of the order was set aside for a requested refund (stored with RefundRequested in one transaction). The order
 * keeps captured − refunded − earmarked ≥ 0, so refunds together never exceed what was paid.
 */
@Revision("1")
public record OrderRefundEarmarked(String orderId, String refundId, Money amount, RefundSource source,
                                   String returnId, Instant earmarkedAt) implements OrderEvent {
}
