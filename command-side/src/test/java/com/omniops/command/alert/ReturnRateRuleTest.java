package com.omniops.command.alert;

import com.omniops.command.alert.ReturnRateRule.Counts;
import com.omniops.command.alert.ReturnRateRule.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The unusual-return-rate rule on hand-computed cases, and what no input may make it say. */
class ReturnRateRuleTest {

    private final ReturnRateRule rule = new ReturnRateRule(3);
    private static final Counts NONE = new Counts(0, 0);

    @Test
    void judgedAgainstItsOwnBaselineWhenItShippedEnoughThen() {
        // baseline 4 of 50 = 8 %: threshold max(16, 13) = 16 %; recent 5 of 30 = 16.6667 % ≥ 16 → unusual
        Verdict v = rule.judge(new Counts(30, 5), new Counts(50, 4), new Counts(1000, 10));
        assertThat(v.ownBaseline()).isTrue();
        assertThat(v.baselineRate()).isEqualByComparingTo("8");
        assertThat(v.threshold()).isEqualByComparingTo("16");
        assertThat(v.recentRate()).isEqualByComparingTo("16.6667");
        assertThat(v.unusual()).isTrue();
        // 4 of 30 = 13.3333 % < 16 → not unusual
        assertThat(rule.judge(new Counts(30, 4), new Counts(50, 4), new Counts(1000, 10)).unusual()).isFalse();
    }

    @Test
    void aSkuWhoseOwnRateWasBelowTheRangesIsJudgedAgainstTheRange() {
        // own 0 of 50 = 0 %, all SKUs 30 of 1,000 = 3 %: baseline 3 %, threshold max(6, 8) = 8 %; 3 of 40 = 7.5 %
        Verdict v = rule.judge(new Counts(40, 3), new Counts(50, 0), new Counts(1000, 30));
        assertThat(v.ownBaseline()).isFalse();
        assertThat(v.baselineRate()).isEqualByComparingTo("3");
        assertThat(v.threshold()).isEqualByComparingTo("8");
        assertThat(v.unusual()).isFalse();
    }

    @Test
    void aSkuThatShippedLittleBeforeIsJudgedAgainstAllSkus() {
        // own baseline 19 units shipped: all SKUs' 30 of 1,000 = 3 %: threshold max(6, 8) = 8 %; 3 of 30 = 10 %
        Verdict v = rule.judge(new Counts(30, 3), new Counts(19, 0), new Counts(1000, 30));
        assertThat(v.ownBaseline()).isFalse();
        assertThat(v.baselineRate()).isEqualByComparingTo("3");
        assertThat(v.threshold()).isEqualByComparingTo("8");
        assertThat(v.unusual()).isTrue();
        // nothing shipped before at all: baseline 0 %, threshold 5 %
        Verdict fresh = rule.judge(new Counts(10, 3), NONE, NONE);
        assertThat(fresh.threshold()).isEqualByComparingTo("5");
        assertThat(fresh.unusual()).isTrue();
    }

    @Test
    void fewerReturnedUnitsThanTheMinimumOrNothingShippedIsNeverUnusual() {
        assertThat(rule.judge(new Counts(4, 2), NONE, NONE).unusual()).as("50 %, but 2 units").isFalse();
        assertThat(rule.judge(new Counts(0, 5), NONE, NONE).unusual()).as("no rate without shipments").isFalse();
        assertThat(rule.judge(new Counts(0, 5), NONE, NONE).recentRate()).isNull();
    }

    @Property
    void aRecentRateNoHigherThanTheBaselineIsNeverUnusual(@ForAll @IntRange(min = 1, max = 10_000) int shipped,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int returned,
                                                         @ForAll @IntRange(min = 20, max = 10_000) int baseShipped,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int baseReturned,
                                                         @ForAll @IntRange(min = 0, max = 1_000) int rangeReturned) {
        Counts own = new Counts(baseShipped, baseReturned);
        Counts range = new Counts(10_000, rangeReturned);
        Verdict v = rule.judge(new Counts(shipped, returned), own, range);
        // the baseline is never below either rate it is taken from
        assertThat(v.baselineRate()).isGreaterThanOrEqualTo(own.ratePercent()).isGreaterThanOrEqualTo(
                range.ratePercent());
        if (v.recentRate().compareTo(v.baselineRate().add(ReturnRateRule.MIN_EXCESS_POINTS)) < 0) {
            assertThat(v.unusual()).isFalse();
        }
        if (v.unusual()) {
            assertThat(v.recentRate()).isGreaterThanOrEqualTo(v.baselineRate().multiply(java.math.BigDecimal.TWO));
            assertThat(returned).isGreaterThanOrEqualTo(3);
        }
    }
}
