package com.omniops.planning;

import java.util.Arrays;

/**
 * A forecast of the daily demand rate from a history of daily demand.
 *
 * @param method         how it was made
 * @param alpha          the smoothing constant used
 * @param dailyRate      the forecast demand per day, the same for every future day (both methods forecast a flat
 *                       rate)
 * @param residualStdDev σd: the root mean square of the one-step-ahead forecast errors {@code y_t − f_(t−1)} over
 *                       the days that had a forecast (the error is taken to be unbiased, so this is its standard
 *                       deviation); 0 when no day had one
 * @param residualCount  how many errors went into {@code residualStdDev}
 * @param fitted         per history day, the forecast that stood before the day was observed; {@code NaN} for days
 *                       before the method had a forecast (SES: the initialisation days; Croston: up to the first
 *                       demand)
 */
public record DemandForecast(ForecastMethod method, double alpha, double dailyRate, double residualStdDev,
                             int residualCount, double[] fitted) {

    public DemandForecast {
        fitted = fitted.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemandForecast other && method == other.method
                && Double.compare(alpha, other.alpha) == 0 && Double.compare(dailyRate, other.dailyRate) == 0
                && Double.compare(residualStdDev, other.residualStdDev) == 0 && residualCount == other.residualCount
                && Arrays.equals(fitted, other.fitted);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(method, alpha, dailyRate, residualStdDev, residualCount)
                + Arrays.hashCode(fitted);
    }

    @Override
    public String toString() {
        return "DemandForecast[method=" + method + ", alpha=" + alpha + ", dailyRate=" + dailyRate
                + ", residualStdDev=" + residualStdDev + ", residualCount=" + residualCount + "]";
    }
}
