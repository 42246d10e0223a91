package com.omniops.query.demand;

import java.time.LocalDate;

/**
 * Units shipped and reserved per day of one SKU, in one warehouse or ({@code warehouseId} null) all of them, from
 * {@code from} to {@code to} inclusive. An unknown stock item is refused with {@code UNKNOWN_STOCK_ITEM}.
 */
public record GetDemandHistory(String sku, String warehouseId, LocalDate from, LocalDate to) {
}
