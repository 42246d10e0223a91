package com.omniops.events.purchasing;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Sent to the supplier: from now on its open quantities count as incoming stock. */
@Revision("1")
public record PurchaseOrderSubmitted(String purchaseOrderId, Instant submittedAt) implements PurchaseOrderEvent {
}
