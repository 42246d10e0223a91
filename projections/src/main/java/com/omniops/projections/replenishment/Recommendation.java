package com.omniops.projections.replenishment;

import java.math.BigDecimal;

/**
 * A stock item with a reorder rule, where it stands, and what the rule says to order now, with every number behind
 * the advice. {@code position} = available (on hand − reserved − held) + incoming, the projected stock the
 * replenishment policy acts on (StockPosition.projected); {@code held} (quarantine and refurbishment, part of on hand
 * but not sellable) is shown beside it. {@code drafted} = units on the
 * stock item's draft purchase orders (not yet submitted, so not incoming); the rule is applied to
 * {@code positionWithDrafts} = position + drafted, so an open draft is never recommended a second time.
 */
public record Recommendation(String stockItemId, String sku, String warehouseId, String supplierId, Rule rule,
                             int onHand, int reserved, int held, int incoming, int position, int drafted,
                             int positionWithDrafts, Numbers numbers) {

    public record Rule(String method, int min, int max, int multiple, BigDecimal serviceLevel, boolean autoSubmit) {
    }

    /** Demand and lead-time figures are null for MIN_MAX rules, which do not use them. */
    public record Numbers(String forecastMethod, BigDecimal meanDailyDemand, BigDecimal demandStdDev,
                          BigDecimal leadTimeMeanDays, BigDecimal leadTimeStdDevDays, BigDecimal z,
                          BigDecimal safetyStock, BigDecimal reorderPoint, int effectiveMin, int effectiveMax,
                          int supplierMinimum, int orderQuantity) {
    }
}
