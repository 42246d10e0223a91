package com.omniops.projections.availability;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.omniops.events.stock.StockPosition;

/**
 * Stock of one SKU in one warehouse: {@code available} as {@link StockPosition#available()} defines it (max(0, onHand
 * − reserved − quarantine − refurbishment)). Quarantined and refurbishment units are on hand but not sellable.
 * {@code inTransitIn}: units shipped to this warehouse on transfers and not yet received — not on hand here (nor any
 * longer at the source), never available.
 */
public record WarehouseAvailability(String warehouseId, int onHand, int reserved, int quarantine, int refurbishment,
                                    int available, int inTransitIn) {

    static WarehouseAvailability of(String warehouseId, StockPosition position, int inTransitIn) {
        return new WarehouseAvailability(warehouseId, position.onHand(), position.reserved(), position.quarantine(),
                position.refurbishment(), position.available(), inTransitIn);
    }

    @JsonIgnore
    public StockPosition position() {
        return new StockPosition(onHand, reserved, quarantine, refurbishment);
    }
}
