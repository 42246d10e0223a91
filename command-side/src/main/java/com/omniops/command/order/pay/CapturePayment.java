package com.omniops.command.order.pay;

import com.omniops.events.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The payment provider captured {@code amount} for the order; {@code reference} is the provider's id for it. */
public record CapturePayment(@TargetAggregateIdentifier String orderId, String paymentId, Money amount,
                             String provider, String reference) {
}
