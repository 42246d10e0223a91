package com.omniops.projections.availability;

/**
 * Stock of one SKU in one warehouse: {@code available} = max(0, onHand − reserved − quarantine − refurbishment).
 * Quarantined and refurbishment units are on hand but not sellable. {@code inTransitIn}: units shipped to this
 * warehouse on transfers and not yet received — not on hand here (nor any longer at the source), never available.
 */
public record WarehouseAvailability(String warehouseId, int onHand, int reserved, int quarantine, int refurbishment,
                                    int available, int inTransitIn) {
}
