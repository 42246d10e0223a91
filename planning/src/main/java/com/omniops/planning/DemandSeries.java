package com.omniops.planning;

/** Checks shared by the forecasting functions. */
final class DemandSeries {

    private DemandSeries() {
    }

    static void check(double[] demand, double alpha) {
        if (demand == null || demand.length == 0) {
            throw new IllegalArgumentException("the demand series must hold at least one day");
        }
        for (int t = 0; t < demand.length; t++) {
            if (!(demand[t] >= 0) || Double.isInfinite(demand[t])) {
                throw new IllegalArgumentException("demand must be a finite number ≥ 0, day " + t + " is "
                        + demand[t]);
            }
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
    }

    /** Root mean square of the given errors; 0 when there are none. */
    static double rootMeanSquare(double sumOfSquares, int count) {
        return count == 0 ? 0 : Math.sqrt(sumOfSquares / count);
    }
}
