package com.omniops.events.purchasing;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Every line has arrived in full. */
@Revision("1")
public record PurchaseOrderReceived(String purchaseOrderId, Instant receivedAt) implements PurchaseOrderEvent {
}
