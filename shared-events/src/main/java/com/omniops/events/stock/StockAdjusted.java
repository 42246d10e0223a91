package com.omniops.events.stock;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** On-hand changed outside receipts and shipments; valued at the moving-average {@code unitCost}. */
@Revision("1")
public record StockAdjusted(String stockItemId, String sku, String warehouseId, int quantityDelta,
                            AdjustmentReason reason, String note, Money unitCost, int onHandAfter, int reservedAfter,
                            Instant adjustedAt) implements StockItemEvent {
}
