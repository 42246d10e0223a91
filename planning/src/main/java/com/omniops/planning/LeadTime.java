package com.omniops.planning;

/**
 * A supplier's replenishment lead time in days: its mean L̄ and standard deviation σL (0 when it is always the same).
 */
public record LeadTime(double meanDays, double stdDevDays) {

    public LeadTime {
        if (!(meanDays >= 0) || Double.isInfinite(meanDays)) {
            throw new IllegalArgumentException("lead time mean must be a finite number of days ≥ 0, got " + meanDays);
        }
        if (!(stdDevDays >= 0) || Double.isInfinite(stdDevDays)) {
            throw new IllegalArgumentException("lead time standard deviation must be a finite number of days ≥ 0, got "
                    + stdDevDays);
        }
    }

    public static LeadTime fixed(double days) {
        return new LeadTime(days, 0);
    }
}
