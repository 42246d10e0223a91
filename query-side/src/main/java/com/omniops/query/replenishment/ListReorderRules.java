package com.omniops.query.replenishment;

/** Reorder rules by warehouse and SKU; every filter optional. */
public record ListReorderRules(String warehouseId, String sku, String supplierId, String method, int page,
                               int size) {
}
