package com.omniops.query.demand;

import java.time.LocalDate;

/** Demand per SKU and warehouse between two dates, most shipped first; {@code warehouseId} null = all. */
public record ListSkuDemand(String warehouseId, LocalDate from, LocalDate to, int page, int size) {
}
