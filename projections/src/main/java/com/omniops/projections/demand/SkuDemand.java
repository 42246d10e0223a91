package com.omniops.projections.demand;

/** A SKU's demand in one warehouse over a date range. */
public record SkuDemand(String sku, String warehouseId, long shippedUnits, long reservedUnits,
                        int daysWithShipments) {
}
