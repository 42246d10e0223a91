package com.omniops.command.stock;

import com.omniops.events.stock.StockPosition;

import java.math.BigDecimal;

/**
 * The quantities of a stock item after a command, returned to the caller. {@code quarantine} and
 * {@code refurbishment} are on hand but held apart; {@code available} is {@link StockPosition#available()}.
 */
public record StockLevel(String stockItemId, String warehouseId, String sku, int onHand, int reserved,
                         int quarantine, int refurbishment, int available, BigDecimal averageUnitCost,
                         String currency) {

    /**
     * OnHandCoversCommitments: a change that leaves {@code onHandAfter} units must still cover every reserved and
     * every held unit (adjustments and cycle counts).
     */
    public boolean keepsCommitmentsCovered(int onHandAfter) {
        return onHandAfter >= reserved + quarantine + refurbishment;
    }
}
