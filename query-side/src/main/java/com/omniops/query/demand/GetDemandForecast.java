package com.omniops.query.demand;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Forecast the daily demand of a SKU (in one warehouse, or all when {@code warehouseId} is null) from the shipped
 * units of the {@code days} days ending with {@code asOf}; with a lead time, also the safety stock and reorder point
 * for {@code serviceLevel}. {@code leadTimeMeanDays} null = no reorder point; {@code generatedAt} is when it was asked.
 */
public record GetDemandForecast(String sku, String warehouseId, LocalDate asOf, int days, double alpha,
                                double serviceLevel, Double leadTimeMeanDays, double leadTimeStdDevDays,
                                Instant generatedAt) {
}
