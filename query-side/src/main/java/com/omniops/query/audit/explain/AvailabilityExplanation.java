package com.omniops.query.audit.explain;

import java.time.Instant;
import java.util.List;

/**
 * Why a channel may sell {@code availableToSell} units of a SKU, from the events alone: per warehouse of the channel
 * (priority order) the stock events and their running arithmetic, then max(0, Σ available − safety buffer). Both
 * figures come from {@code StockPosition}, the definition the availability read model uses.
 */
public record AvailabilityExplanation(String channelId, String sku, String channelSku, boolean listedOnChannel,
                                      boolean productActive, boolean shownInAvailability,
                                      List<WarehouseExplanation> warehouses, int sumOfAvailable, int safetyBuffer,
                                      int availableToSell, String arithmetic) {

    public AvailabilityExplanation {
        warehouses = List.copyOf(warehouses);
    }

    /** One warehouse's position: {@code available} = max(0, onHand − reserved − quarantine − refurbishment). */
    public record WarehouseExplanation(int priority, String warehouseId, String stockItemId, int onHand, int reserved,
                                       int quarantine, int refurbishment, int available, String arithmetic,
                                       List<StockStep> events) {
        public WarehouseExplanation {
            events = List.copyOf(events);
        }
    }

    /**
     * One stock event, what it changed and the running figures after it. {@code recordedMatches} says whether the
     * quantities the event itself carries ({@code onHandAfter}, {@code reservedAfter} and, where it has them, the held
     * quantities) agree with the arithmetic.
     */
    public record StockStep(long sequence, String type, Instant storedAt, Instant at, int onHandDelta,
                            int reservedDelta, int quarantineDelta, int refurbishmentDelta, int onHand, int reserved,
                            int quarantine, int refurbishment, int available, String reference,
                            boolean recordedMatches) {
    }
}
