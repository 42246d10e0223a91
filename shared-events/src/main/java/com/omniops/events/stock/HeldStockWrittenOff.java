package com.omniops.events.stock;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Held units were scrapped: they leave on hand and their value ({@code quantity × unitCost}) is written off. */
@Revision("1")
public record HeldStockWrittenOff(String stockItemId, String sku, String warehouseId, StockHold hold, int quantity,
                                  String note, Money unitCost, int onHandAfter, int reservedAfter,
                                  int quarantineAfter, int refurbishmentAfter, Instant writtenOffAt)
        implements StockItemEvent, HeldQuantities {
}
