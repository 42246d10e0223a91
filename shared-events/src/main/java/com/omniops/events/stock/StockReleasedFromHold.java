package com.omniops.events.stock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Held units (quarantined or refurbished) became sellable again; on hand does not change. */
@Revision("1")
public record StockReleasedFromHold(String stockItemId, String sku, String warehouseId, StockHold hold, int quantity,
                                    String note, int onHandAfter, int reservedAfter, int quarantineAfter,
                                    int refurbishmentAfter, Instant releasedAt)
        implements StockItemEvent, HeldQuantities {
}
