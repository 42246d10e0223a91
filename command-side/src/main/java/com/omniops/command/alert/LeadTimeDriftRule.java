package com.omniops.command.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * When a supplier's lead time has drifted — the one definition (docs/kpis.md "Exception alerts"): over its last
 * {@code lastOrders} purchase orders received in full (at least {@code minOrders} of them), the orders arrived on
 * average at least {@code minMeanLateDays} days later than the supplier promised ({@code ObservedLeadTime.lateDays}:
 * actual − promised lead time, negative when early, so early orders offset late ones).
 */
record LeadTimeDriftRule(int lastOrders, int minOrders, BigDecimal minMeanLateDays) {

    /** The orders judged, their mean late days (two decimals; null without orders) and whether that is drift. */
    record Verdict(int orders, BigDecimal meanLateDays, boolean drifting) {
    }

    /** {@code lateDays}: the supplier's most recent orders received in full, at most {@code lastOrders}. */
    Verdict judge(List<Integer> lateDays) {
        if (lateDays.isEmpty()) {
            return new Verdict(0, null, false);
        }
        long sum = lateDays.stream().mapToLong(Integer::longValue).sum();
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(lateDays.size()), 2,
                RoundingMode.HALF_UP);
        boolean drifting = lateDays.size() >= minOrders && mean.compareTo(minMeanLateDays) >= 0;
        return new Verdict(lateDays.size(), mean, drifting);
    }
}
