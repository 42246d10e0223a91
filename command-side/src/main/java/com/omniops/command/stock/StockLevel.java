package com.omniops.command.stock;

import java.math.BigDecimal;

/**
 * The quantities of a stock item after a command, returned to the caller. {@code quarantine} and
 * {@code refurbishment} are on hand but held apart; available = onHand − reserved − quarantine − refurbishment.
 */
public record StockLevel(String stockItemId, String warehouseId, String sku, int onHand, int reserved,
                         int quarantine, int refurbishment, int available, BigDecimal averageUnitCost,
                         String currency) {
}
