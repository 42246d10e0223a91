package com.omniops.events.stock;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Units arrived at a warehouse at a unit cost; {@code averageCostAfter} is the new moving-average unit cost. */
@Revision("1")
public record StockReceived(String stockItemId, String sku, String warehouseId, int quantity, Money unitCost,
                            ReceiptSource source, String reference, Money averageCostAfter, int onHandAfter,
                            int reservedAfter, Instant receivedAt) implements StockItemEvent {
}
