package com.omniops.planning;

/**
 * Safety stock and reorder point for a cycle service level (the probability of no stock-out in a replenishment
 * cycle) when both the daily demand and the lead time vary, independently and roughly normally:
 * <pre>
 *   z   = Φ⁻¹(service level)                           ({@link NormalQuantile})
 *   SS  = z · sqrt( L̄ · σd² + d̄² · σL² )
 *   ROP = d̄ · L̄ + SS
 * </pre>
 * d̄ = mean daily demand, σd = its standard deviation per day, L̄ = mean lead time in days, σL = its standard
 * deviation in days. Example: d̄ = 20, σd = 5, L̄ = 4, σL = 1, 95 % → SS = 1.6449 · sqrt(4·25 + 400·1) = 36.78,
 * ROP = 80 + 36.78 = 116.78.
 *
 * @param leadTimeDemand d̄ · L̄, the demand expected during the lead time
 */
public record ReorderPoint(double meanDailyDemand, double demandStdDev, LeadTime leadTime, double serviceLevel,
                           double z, double leadTimeDemand, double safetyStock, double reorderPoint) {

    public static ReorderPoint of(double meanDailyDemand, double demandStdDev, LeadTime leadTime,
                                  double serviceLevel) {
        if (!(meanDailyDemand >= 0) || Double.isInfinite(meanDailyDemand)) {
            throw new IllegalArgumentException("mean daily demand must be a finite number ≥ 0, got "
                    + meanDailyDemand);
        }
        if (!(demandStdDev >= 0) || Double.isInfinite(demandStdDev)) {
            throw new IllegalArgumentException("demand standard deviation must be a finite number ≥ 0, got "
                    + demandStdDev);
        }
        double z = NormalQuantile.of(serviceLevel);
        double l = leadTime.meanDays();
        double sigmaL = leadTime.stdDevDays();
        double safetyStock = z * Math.sqrt(l * demandStdDev * demandStdDev
                + meanDailyDemand * meanDailyDemand * sigmaL * sigmaL);
        double leadTimeDemand = meanDailyDemand * l;
        return new ReorderPoint(meanDailyDemand, demandStdDev, leadTime, serviceLevel, z, leadTimeDemand,
                safetyStock, leadTimeDemand + safetyStock);
    }
}
