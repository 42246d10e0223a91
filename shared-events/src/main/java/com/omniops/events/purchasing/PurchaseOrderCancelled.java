package com.omniops.events.purchasing;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record PurchaseOrderCancelled(String purchaseOrderId, String reason, Instant cancelledAt)
        implements PurchaseOrderEvent {
}
