package com.omniops.query.replenishment;

/** What should be reordered now, per stock item with a reorder rule. */
record GetRecommendations(String warehouseId, String sku, int demandDays, int page, int size) {
}
