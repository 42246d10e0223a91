package com.omniops.query.replenishment;

/** The reorder rule of one stock item. */
public record GetReorderRule(String warehouseId, String sku) {
}
