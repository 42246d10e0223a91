package com.omniops.events.stock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A count awaiting approval was rejected: its variance is never applied and the item may be counted again. */
@Revision("1")
public record StockCountRejected(String stockItemId, String sku, String warehouseId, String countId,
                                 String rejectedBy, String reason, int onHandAfter, int reservedAfter,
                                 Instant rejectedAt) implements StockItemEvent {
}
