package com.omniops.projections.availability;

/**
 * Stock of one SKU in one warehouse: {@code available} = max(0, onHand − reserved − quarantine − refurbishment).
 * Quarantined and refurbishment units are on hand but not sellable.
 */
public record WarehouseAvailability(String warehouseId, int onHand, int reserved, int quarantine, int refurbishment,
                                    int available) {
}
