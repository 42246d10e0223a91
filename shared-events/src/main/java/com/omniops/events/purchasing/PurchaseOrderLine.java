package com.omniops.events.purchasing;

import java.math.BigDecimal;

/** An ordered SKU at a unit cost in the purchase order's currency. */
public record PurchaseOrderLine(int lineNo, String sku, int quantity, BigDecimal unitCost) {
}
