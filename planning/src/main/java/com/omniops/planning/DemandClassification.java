package com.omniops.planning;

/**
 * How intermittent a daily demand series is, and so which forecasting method it calls for.
 * <p>
 * After Syntetos, Boylan and Croston (2005):
 * <pre>
 *   ADI = days / days with demand                 average inter-demand interval (∞ without any demand)
 *   CV² = (σ / μ)² of the non-zero daily demands   population variance; 0 with fewer than one demand
 *   method = CROSTON_SBA  when ADI &gt; 1.32         (intermittent or lumpy: more than ~24 % of days have no demand)
 *            SES          otherwise                (smooth or erratic)
 * </pre>
 * CV² (cut-off 0.49) separates smooth from erratic and intermittent from lumpy; it is reported but does not change the
 * method, since SBA is the recommended estimator for both intermittent and lumpy demand and SES for both others.
 *
 * @param days           length of the series
 * @param daysWithDemand days with demand &gt; 0
 * @param adi            average inter-demand interval; {@link Double#POSITIVE_INFINITY} without demand
 * @param cv2            squared coefficient of variation of the non-zero demands
 * @param method         the method the rule picks
 */
public record DemandClassification(int days, int daysWithDemand, double adi, double cv2, ForecastMethod method) {

    /** The ADI above which a series counts as intermittent. */
    public static final double ADI_CUTOFF = 1.32;
    /** The CV² above which demand sizes count as erratic/lumpy (reported only). */
    public static final double CV2_CUTOFF = 0.49;

    public static DemandClassification of(double[] demand) {
        DemandSeries.check(demand, 1);
        int withDemand = 0;
        double sum = 0;
        for (double y : demand) {
            if (y > 0) {
                withDemand++;
                sum += y;
            }
        }
        double adi = withDemand == 0 ? Double.POSITIVE_INFINITY : (double) demand.length / withDemand;
        double cv2 = 0;
        if (withDemand > 0) {
            double mean = sum / withDemand;
            double squaredDeviations = 0;
            for (double y : demand) {
                if (y > 0) {
                    squaredDeviations += (y - mean) * (y - mean);
                }
            }
            cv2 = squaredDeviations / withDemand / (mean * mean);
        }
        ForecastMethod method = adi > ADI_CUTOFF ? ForecastMethod.CROSTON_SBA : ForecastMethod.SES;
        return new DemandClassification(demand.length, withDemand, adi, cv2, method);
    }

    /** Forecasts the series with the method this classification picked (α for either; SES starts at day one). */
    public DemandForecast forecast(double[] demand, double alpha) {
        return method == ForecastMethod.SES
                ? ExponentialSmoothing.forecast(demand, alpha, 1)
                : Croston.forecastSba(demand, alpha);
    }
}
