package com.omniops.events.refund;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The money went back to the customer ({@code paymentReference} from the provider) on attempt {@code attempt}. */
@Revision("1")
public record RefundIssued(String refundId, String orderId, Money amount, String paymentReference, int attempt,
                           Instant issuedAt) implements RefundEvent {
}
