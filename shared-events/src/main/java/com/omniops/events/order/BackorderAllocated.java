package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Units of a backordered line were reserved in a warehouse after the order was placed (stock arrived); the matching
 * StockReserved event is stored in the same transaction.
 */
@Revision("1")
public record BackorderAllocated(String orderId, int lineNo, String sku, String warehouseId, int quantity,
                                 Instant allocatedAt) implements OrderEvent {
}
