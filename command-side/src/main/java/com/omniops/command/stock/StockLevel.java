package com.omniops.command.stock;

import java.math.BigDecimal;

/** The quantities of a stock item after a command, returned to the caller. */
public record StockLevel(String stockItemId, String warehouseId, String sku, int onHand, int reserved,
                         int available, BigDecimal averageUnitCost, String currency) {
}
