package com.omniops.command.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * When a SKU's return rate is unusual — the one definition (docs/kpis.md "Exception alerts"). Rates are units asked to
 * be returned ÷ units shipped, in percent. The recent rate (the window up to now) is unusual when at least
 * {@code minReturnedUnits} units were returned in it and it is at least twice the baseline and at least 5 points
 * above it. The baseline is the higher of the SKU's own rate over the days before the window (when it shipped at least
 * 20 units then) and the rate of all SKUs over those days (0 when nothing shipped): a SKU is unusual against its own
 * past and against the range, so a SKU that happened to have no returns before is not flagged for an ordinary month.
 */
record ReturnRateRule(int minReturnedUnits) {

    static final int OWN_BASELINE_MIN_SHIPPED = 20;
    static final BigDecimal MIN_EXCESS_POINTS = new BigDecimal("5");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** Units shipped and asked to be returned over some days. */
    record Counts(long shipped, long returned) {
        /** returned ÷ shipped in percent (4 decimals); null when nothing shipped. */
        BigDecimal ratePercent() {
            return shipped == 0 ? null : BigDecimal.valueOf(returned).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(shipped), 4, RoundingMode.HALF_UP);
        }
    }

    /** The rates judged, which baseline was used, the threshold, and whether the recent rate is unusual. */
    record Verdict(BigDecimal recentRate, BigDecimal baselineRate, boolean ownBaseline, BigDecimal threshold,
                   long returned, boolean unusual) {
    }

    Verdict judge(Counts recent, Counts ownBaseline, Counts allBaseline) {
        BigDecimal range = allBaseline.ratePercent() == null ? BigDecimal.ZERO.setScale(4) : allBaseline.ratePercent();
        BigDecimal ownRate = ownBaseline.shipped() >= OWN_BASELINE_MIN_SHIPPED ? ownBaseline.ratePercent() : null;
        boolean own = ownRate != null && ownRate.compareTo(range) > 0;
        BigDecimal baseline = own ? ownRate : range;
        BigDecimal threshold = baseline.multiply(BigDecimal.TWO).max(baseline.add(MIN_EXCESS_POINTS));
        BigDecimal recentRate = recent.ratePercent();
        boolean unusual = recentRate != null && recent.returned() >= minReturnedUnits
                && recentRate.compareTo(threshold) >= 0;
        return new Verdict(recentRate, baseline, own, threshold, recent.returned(), unusual);
    }
}
