package com.omniops.projections.replenishment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The reorder rule of a stock item: method MIN_MAX (min, max, multiple) or SERVICE_LEVEL (serviceLevel; max is the
 * cycle stock on top of the reorder point), the supplier, and whether proposals are submitted without a buyer.
 */
public record ReorderRuleView(String stockItemId, String sku, String warehouseId, String supplierId, String method,
                              int min, int max, int multiple, BigDecimal serviceLevel, boolean autoSubmit,
                              Instant setAt) {
}
