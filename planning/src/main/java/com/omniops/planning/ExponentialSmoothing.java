package com.omniops.planning;

import java.util.Arrays;

/**
 * Simple exponential smoothing (SES) of a daily demand series y_1 … y_n.
 * <pre>
 *   ℓ_k = (y_1 + … + y_k) / k                       initial level: the mean of the first k days (k = 1: y_1)
 *   e_t = y_t − ℓ_(t−1)                             one-step-ahead error, t = k+1 … n
 *   ℓ_t = ℓ_(t−1) + α · e_t  (= α·y_t + (1−α)·ℓ_(t−1))
 *   forecast rate = ℓ_n (every future day)
 *   σd = sqrt( Σ e_t² / (n − k) )                   0 when n = k
 * </pre>
 * Suited to demand that occurs on most days; for intermittent demand it is biased low right after a demand and
 * high after a gap, which is what {@link Croston} corrects.
 */
public final class ExponentialSmoothing {

    public static final double DEFAULT_ALPHA = 0.2;

    private ExponentialSmoothing() {
    }

    /** SES with α = 0.2, initialised with the first day. */
    public static DemandForecast forecast(double[] demand) {
        return forecast(demand, DEFAULT_ALPHA, 1);
    }

    /**
     * @param alpha          smoothing constant in (0, 1]: the weight of the newest day
     * @param initialPeriods k, how many leading days are averaged into the initial level (1 ≤ k ≤ n)
     */
    public static DemandForecast forecast(double[] demand, double alpha, int initialPeriods) {
        DemandSeries.check(demand, alpha);
        if (initialPeriods < 1 || initialPeriods > demand.length) {
            throw new IllegalArgumentException("initialPeriods must be between 1 and the series length "
                    + demand.length + ", got " + initialPeriods);
        }
        double level = 0;
        for (int t = 0; t < initialPeriods; t++) {
            level += demand[t];
        }
        level /= initialPeriods;

        double[] fitted = new double[demand.length];
        Arrays.fill(fitted, 0, initialPeriods, Double.NaN);
        double sumOfSquares = 0;
        for (int t = initialPeriods; t < demand.length; t++) {
            fitted[t] = level;
            double error = demand[t] - level;
            sumOfSquares += error * error;
            level += alpha * error;
        }
        int residuals = demand.length - initialPeriods;
        return new DemandForecast(ForecastMethod.SES, alpha, level,
                DemandSeries.rootMeanSquare(sumOfSquares, residuals), residuals, fitted);
    }
}
