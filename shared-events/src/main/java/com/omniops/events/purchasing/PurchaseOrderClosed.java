package com.omniops.events.purchasing;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** No more goods are expected; what was not delivered no longer counts as incoming. */
@Revision("1")
public record PurchaseOrderClosed(String purchaseOrderId, String reason, Instant closedAt)
        implements PurchaseOrderEvent {
}
