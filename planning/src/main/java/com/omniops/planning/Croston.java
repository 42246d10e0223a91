package com.omniops.planning;

import java.util.Arrays;

/**
 * Croston's method for intermittent demand with the Syntetos–Boylan approximation (SBA).
 * <p>
 * The size of a demand and the interval between demands are smoothed separately, and only on days with demand:
 * <pre>
 *   first demand on day t₁ (1-based):   z = y_t₁,  p = t₁        (the interval counted from the start of the series)
 *   each later demand on day t, q = days since the previous demand:
 *       z ← z + α · (y_t − z)
 *       p ← p + α · (q − p)
 *   days without demand change nothing
 *   forecast rate f = (1 − α/2) · z / p        (Croston's z/p is biased high; SBA's factor removes most of it)
 *   σd = sqrt( Σ (y_t − f_(t−1))² / m )       over the m days after the first demand, f_(t−1) being the rate
 *                                              that stood at the end of the previous day
 * </pre>
 * A series without any demand forecasts 0 with σd = 0. One α serves both the size and the interval.
 */
public final class Croston {

    public static final double DEFAULT_ALPHA = 0.2;

    private Croston() {
    }

    public static DemandForecast forecastSba(double[] demand) {
        return forecastSba(demand, DEFAULT_ALPHA);
    }

    /** @param alpha smoothing constant in (0, 1] for both demand size and inter-demand interval */
    public static DemandForecast forecastSba(double[] demand, double alpha) {
        DemandSeries.check(demand, alpha);
        double[] fitted = new double[demand.length];
        Arrays.fill(fitted, Double.NaN);
        double correction = 1 - alpha / 2;

        double size = 0;
        double interval = 0;
        double rate = 0;
        int lastDemandDay = -1;
        double sumOfSquares = 0;
        int residuals = 0;
        for (int t = 0; t < demand.length; t++) {
            if (lastDemandDay >= 0) {
                fitted[t] = rate;
                double error = demand[t] - rate;
                sumOfSquares += error * error;
                residuals++;
            }
            if (demand[t] > 0) {
                if (lastDemandDay < 0) {
                    size = demand[t];
                    interval = t + 1;
                } else {
                    size += alpha * (demand[t] - size);
                    interval += alpha * ((t - lastDemandDay) - interval);
                }
                lastDemandDay = t;
                rate = correction * size / interval;
            }
        }
        return new DemandForecast(ForecastMethod.CROSTON_SBA, alpha, rate,
                DemandSeries.rootMeanSquare(sumOfSquares, residuals), residuals, fitted);
    }
}
