package com.omniops.projections.purchasing;

import java.time.LocalDate;

/** Units of a SKU still expected in a warehouse from open purchase orders, and when the first of them is due. */
public record IncomingStock(String sku, String warehouseId, int incoming, int openPurchaseOrders,
                            LocalDate nextExpectedDate) {
}
