package com.omniops.command.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.command.alert.LeadTimeDriftRule.Verdict;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The lead time drift rule on hand-computed cases, and what no input may make it say. */
class LeadTimeDriftRuleTest {

    private final LeadTimeDriftRule rule = new LeadTimeDriftRule(5, 3, new BigDecimal("2"));

    @Test
    void driftsWhenTheMeanLateDaysReachTheThresholdOverEnoughOrders() {
        // (1 + 3 + 3) ÷ 3 = 2.33 ≥ 2
        Verdict v = rule.judge(List.of(1, 3, 3));
        assertThat(v.orders()).isEqualTo(3);
        assertThat(v.meanLateDays()).isEqualByComparingTo("2.33");
        assertThat(v.drifting()).isTrue();
        // exactly at the threshold: (2 + 2 + 2) ÷ 3 = 2.00
        assertThat(rule.judge(List.of(2, 2, 2)).drifting()).isTrue();
        // (1 + 3 + 3 + 0) ÷ 4 = 1.75 < 2
        assertThat(rule.judge(List.of(0, 3, 3, 1)).meanLateDays()).isEqualByComparingTo("1.75");
        assertThat(rule.judge(List.of(0, 3, 3, 1)).drifting()).isFalse();
    }

    @Test
    void tooFewOrdersAreNotJudgedAndEarlyOrdersOffsetLateOnes() {
        Verdict two = rule.judge(List.of(9, 9));
        assertThat(two.meanLateDays()).isEqualByComparingTo("9.00");
        assertThat(two.drifting()).as("2 orders, 3 needed").isFalse();
        assertThat(rule.judge(List.of()).meanLateDays()).isNull();
        // 6 days late once, 2 early twice: (6 − 2 − 2) ÷ 3 = 0.67
        assertThat(rule.judge(List.of(6, -2, -2)).meanLateDays()).isEqualByComparingTo("0.67");
        assertThat(rule.judge(List.of(6, -2, -2)).drifting()).isFalse();
    }

    @Property
    void neverDriftsWhenNoOrderWasAsLateAsTheThreshold(
            @ForAll @Size(min = 0, max = 5) List<@IntRange(min = -30, max = 1) Integer> lateDays) {
        assertThat(rule.judge(lateDays).drifting()).isFalse();
    }

    @Property
    void alwaysDriftsWhenEnoughOrdersWereAllAtLeastThatLate(
            @ForAll @Size(min = 3, max = 5) List<@IntRange(min = 2, max = 60) Integer> lateDays) {
        assertThat(rule.judge(lateDays).drifting()).isTrue();
    }
}
