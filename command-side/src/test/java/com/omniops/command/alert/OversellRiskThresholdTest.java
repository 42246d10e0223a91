package com.omniops.command.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The oversell-risk threshold on hand-computed cases, and what no input may make it say. */
class OversellRiskThresholdTest {

    private static final BigDecimal TWO_DAYS = new BigDecimal("2");

    @Test
    void theLargestOfBufferMinimumAndDaysOfCover() {
        // 70 units ordered in 14 days = 5 a day; 2 days of cover = 10 units > buffer 2, minimum 3
        assertThat(OversellRiskWatch.threshold(2, 3, TWO_DAYS, 70, 14)).isEqualTo(10);
        // 5 in 14 days: 2 × 5 ÷ 14 = 0.71, rounded up to 1 < 3: the minimum
        assertThat(OversellRiskWatch.threshold(2, 3, TWO_DAYS, 5, 14)).isEqualTo(3);
        // a buffer of 8 beats 0.71 and 3
        assertThat(OversellRiskWatch.threshold(8, 3, TWO_DAYS, 5, 14)).isEqualTo(8);
        // 1.5 days of 15 units in 7 days: 3.21 → 4
        assertThat(OversellRiskWatch.threshold(0, 3, new BigDecimal("1.5"), 15, 7)).isEqualTo(4);
    }

    @Test
    void noDemandOrNoCoverRuleLeavesBufferAndMinimum() {
        assertThat(OversellRiskWatch.threshold(2, 3, TWO_DAYS, 0, 14)).isEqualTo(3);
        assertThat(OversellRiskWatch.threshold(2, 3, BigDecimal.ZERO, 1000, 14)).isEqualTo(3);
    }

    @Property
    void neverBelowBufferOrMinimumAndNeverFallsWhenDemandRises(@ForAll @IntRange(max = 50) int buffer,
                                                                @ForAll @IntRange(max = 20) int minimum,
                                                                @ForAll @IntRange(max = 10_000) int demand,
                                                                @ForAll @IntRange(min = 1, max = 60) int days) {
        int threshold = OversellRiskWatch.threshold(buffer, minimum, TWO_DAYS, demand, days);
        assertThat(threshold).isGreaterThanOrEqualTo(Math.max(buffer, minimum));
        assertThat(OversellRiskWatch.threshold(buffer, minimum, TWO_DAYS, demand + 1L, days))
                .isGreaterThanOrEqualTo(threshold);
    }
}
