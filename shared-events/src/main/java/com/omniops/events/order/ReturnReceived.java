package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The returned units arrived at a warehouse; they wait there for inspection, outside the stock counts. */
@Revision("1")
public record ReturnReceived(String orderId, String returnId, String warehouseId, Instant receivedAt)
        implements OrderEvent {
}
