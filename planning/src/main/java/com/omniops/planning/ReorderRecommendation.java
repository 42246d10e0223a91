package com.omniops.planning;

/**
 * Whether to order and how much, with every number behind the answer so a person can check it.
 *
 * @param method          how the daily demand was forecast
 * @param meanDailyDemand d̄, the forecast daily rate
 * @param demandStdDev    σd, the standard deviation of daily demand (forecast errors)
 * @param leadTimeMeanDays L̄
 * @param leadTimeStdDevDays σL
 * @param serviceLevel    the cycle service level aimed at
 * @param z               Φ⁻¹(serviceLevel)
 * @param leadTimeDemand  d̄ · L̄
 * @param safetyStock     z · sqrt(L̄·σd² + d̄²·σL²)
 * @param reorderPoint    d̄ · L̄ + safety stock
 * @param min             the min used (the rule's, or the reorder point rounded up)
 * @param max             the max used (the rule's, or min)
 * @param multiple        order multiple
 * @param supplierMinimum supplier minimum order quantity
 * @param position        projected quantity: available (on hand − reserved − held) + incoming
 * @param orderQuantity   what to order now, 0 = nothing
 */
public record ReorderRecommendation(ForecastMethod method, double meanDailyDemand, double demandStdDev,
                                    double leadTimeMeanDays, double leadTimeStdDevDays, double serviceLevel,
                                    double z, double leadTimeDemand, double safetyStock, double reorderPoint,
                                    int min, int max, int multiple, int supplierMinimum, int position,
                                    int orderQuantity) {

    public boolean reorder() {
        return orderQuantity > 0;
    }
}
