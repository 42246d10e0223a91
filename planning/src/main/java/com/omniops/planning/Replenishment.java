package com.omniops.planning;

/**
 * Forecast + lead time + service level + reorder rule → a {@link ReorderRecommendation}:
 * <pre>
 *   (z, SS, ROP) = {@link ReorderPoint#of}(forecast rate, forecast σd, lead time, service level)
 *   min = rule.min ?: ⌈ROP⌉,  max = rule.max ?: min   (max is raised to min if the rule's max is below ⌈ROP⌉)
 *   order = {@link OrderQuantity#minMax}(position, min, max, rule.multiple, rule.supplierMinimum)
 * </pre>
 */
public final class Replenishment {

    private Replenishment() {
    }

    public static ReorderRecommendation recommend(DemandForecast forecast, LeadTime leadTime, double serviceLevel,
                                                  int position, ReorderRule rule) {
        ReorderPoint rop = ReorderPoint.of(forecast.dailyRate(), forecast.residualStdDev(), leadTime, serviceLevel);
        int min = rule.min() != null ? rule.min() : Math.max(0, (int) Math.ceil(rop.reorderPoint()));
        int max = Math.max(min, rule.max() != null ? rule.max() : min);
        int quantity = OrderQuantity.minMax(position, min, max, rule.multiple(), rule.supplierMinimum());
        return new ReorderRecommendation(forecast.method(), rop.meanDailyDemand(), rop.demandStdDev(),
                leadTime.meanDays(), leadTime.stdDevDays(), serviceLevel, rop.z(), rop.leadTimeDemand(),
                rop.safetyStock(), rop.reorderPoint(), min, max, rule.multiple(), rule.supplierMinimum(), position,
                quantity);
    }

    /** The forecast the classification of the series calls for: Croston-SBA for intermittent demand, else SES. */
    public static DemandForecast forecast(double[] dailyDemand) {
        return DemandClassification.of(dailyDemand).method() == ForecastMethod.CROSTON_SBA
                ? Croston.forecastSba(dailyDemand) : ExponentialSmoothing.forecast(dailyDemand);
    }

    /**
     * The service-level reorder rule both the replenishment policy and the recommendations API apply: reorder when
     * the position is at or below the reorder point (rounded up), and order back up to it plus {@code cycleStock},
     * in multiples, at least the supplier minimum.
     */
    public static ReorderRecommendation serviceLevel(double[] dailyDemand, LeadTime leadTime, double serviceLevel,
                                                     int position, int cycleStock, int multiple,
                                                     int supplierMinimum) {
        DemandForecast forecast = forecast(dailyDemand);
        ReorderPoint point = ReorderPoint.of(forecast.dailyRate(), forecast.residualStdDev(), leadTime, serviceLevel);
        int min = Math.max(0, (int) Math.ceil(point.reorderPoint()));
        return recommend(forecast, leadTime, serviceLevel, position,
                new ReorderRule(min, min + cycleStock, multiple, supplierMinimum));
    }
}
