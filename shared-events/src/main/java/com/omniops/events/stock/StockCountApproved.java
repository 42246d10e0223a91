package com.omniops.events.stock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A count awaiting approval was approved; the {@code StockAdjusted} (reason COUNT_CORRECTION) that applies its
 * {@code variance} follows in the same transaction, so the quantities here are still those before it.
 */
@Revision("1")
public record StockCountApproved(String stockItemId, String sku, String warehouseId, String countId, int variance,
                                 String approvedBy, String note, int onHandAfter, int reservedAfter,
                                 Instant approvedAt) implements StockItemEvent {
}
