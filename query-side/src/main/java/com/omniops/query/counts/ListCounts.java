package com.omniops.query.counts;

/** Cycle counts newest first; {@code warehouseId}, {@code sku} and {@code status} are optional filters. */
public record ListCounts(String warehouseId, String sku, String status, int page, int size) {
}
