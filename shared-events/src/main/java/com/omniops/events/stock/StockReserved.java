package com.omniops.events.stock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Units promised to one order line; at most one reservation per (order, line) per stock item. */
@Revision("1")
public record StockReserved(String stockItemId, String sku, String warehouseId, String orderId, int lineNo,
                            int quantity, int onHandAfter, int reservedAfter, Instant reservedAt)
        implements StockItemEvent {
}
