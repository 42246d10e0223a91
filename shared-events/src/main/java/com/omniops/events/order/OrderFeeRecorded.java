package com.omniops.events.order;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A marketplace or payment provider charged the merchant a fee for this order. */
@Revision("1")
public record OrderFeeRecorded(String orderId, String feeId, FeeType type, Money amount, String description,
                               Instant recordedAt) implements OrderEvent {
}
