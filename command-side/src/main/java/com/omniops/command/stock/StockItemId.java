package com.omniops.command.stock;

/** A stock item is one SKU in one warehouse; its aggregate id is "warehouse:sku" (neither part may contain ':'). */
public final class StockItemId {

    private StockItemId() {
    }

    public static String of(String warehouseId, String sku) {
        return warehouseId + ":" + sku;
    }
}
