package com.omniops.projections.demand;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily demand of a SKU in one warehouse ({@code warehouseId}) or in all of them ({@code null}), every day from
 * {@code from} to {@code to} inclusive, zero-filled, oldest first.
 */
public record DemandHistory(String sku, String warehouseId, LocalDate from, LocalDate to, long totalShipped,
                            long totalReserved, int daysWithShipments, List<DailyDemand> days) {

    public DemandHistory {
        days = List.copyOf(days);
    }

    /** The shipped units per day, as a series for the forecasting functions. */
    public double[] shippedSeries() {
        return days.stream().mapToDouble(DailyDemand::shipped).toArray();
    }
}
