package com.omniops.command.stock;

import com.omniops.events.StreamIds;

/** A stock item is one SKU in one warehouse; its aggregate id is "warehouse:sku" (neither part may contain ':'). */
public final class StockItemId {

    private StockItemId() {
    }

    public static String of(String warehouseId, String sku) {
        return StreamIds.stockItem(warehouseId, sku);
    }
}
