package com.omniops.projections.availability;

/** Stock of one SKU in one warehouse: {@code available} = max(0, onHand − reserved). */
public record WarehouseAvailability(String warehouseId, int onHand, int reserved, int available) {
}
