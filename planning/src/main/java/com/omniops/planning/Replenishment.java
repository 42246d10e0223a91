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
}
