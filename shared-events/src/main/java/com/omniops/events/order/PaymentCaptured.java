package com.omniops.events.order;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The payment provider captured money for the order ({@code reference} is the provider's own id for it). */
@Revision("1")
public record PaymentCaptured(String orderId, String paymentId, Money amount, String provider, String reference,
                              Instant capturedAt) implements OrderEvent {
}
