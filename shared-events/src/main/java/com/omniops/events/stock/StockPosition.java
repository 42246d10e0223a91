package com.omniops.events.stock;

import java.util.Collection;

/**
 * The quantities of one stock item and the one definition of what of them can be sold. The stock item itself, the
 * availability read model, the availability explanation, the audit state of a stock item and replenishment (policy and
 * recommendations) all compute {@link #available()}, {@link #availableToSell} and {@link #projected} here, so a figure
 * and its explanation cannot disagree by construction. Returns, transfers
 * out, counts and write-offs change these quantities; this type only says what follows from them.
 */
public record StockPosition(int onHand, int reserved, int quarantine, int refurbishment) {

    public static final StockPosition NONE = new StockPosition(0, 0, 0, 0);

    /**
     * Units that may still be promised: max(0, onHand − reserved − quarantine − refurbishment). Quarantined and
     * refurbishment units are on hand but not sellable; units in transit are on hand nowhere.
     */
    public int available() {
        return Math.max(0, onHand - reserved - quarantine - refurbishment);
    }

    /**
     * The projected quantity replenishment acts on: what can still be sold ({@link #available()}) plus what is on its
     * way ({@code incoming}, open purchase orders). Held units are not counted: they may never become sellable.
     */
    public int projected(int incoming) {
        return available() + incoming;
    }

    /** The arithmetic of {@link #available()} with this position's figures, for explanations. */
    public String arithmetic() {
        return "max(0, onHand " + onHand + " − reserved " + reserved + " − quarantine " + quarantine
                + " − refurbishment " + refurbishment + ") = " + available();
    }

    /**
     * What a channel may sell of a SKU: max(0, Σ available over the channel's warehouses − the channel's safety
     * buffer). A warehouse without a stock item counts as {@link #NONE}.
     */
    public static int availableToSell(Collection<StockPosition> warehouses, int safetyBuffer) {
        int sum = warehouses.stream().mapToInt(StockPosition::available).sum();
        return Math.max(0, sum - safetyBuffer);
    }
}
