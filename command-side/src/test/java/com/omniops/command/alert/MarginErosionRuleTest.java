package com.omniops.command.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.projections.ledger.Margin;
import com.omniops.projections.ledger.Margin.Component;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** The margin erosion rule on hand-computed margins, and what no margin may make it say. */
class MarginErosionRuleTest {

    /** A margin from revenue, refunds and cost of goods sold (income-positive, as the ledger's lines give them). */
    private static Margin margin(String revenue, String refunds, String cost) {
        return Margin.of(Map.of(Component.GROSS_REVENUE, new BigDecimal(revenue),
                Component.REFUNDS, new BigDecimal(refunds).negate(),
                Component.COST_OF_GOODS_SOLD, new BigDecimal(cost).negate()));
    }

    @Test
    void anOrderSoldAtAlmostItsCostIsEroded() {
        // 19.90 net sales − 19.00 cost = 0.90 gross margin; 0.90 ÷ 19.90 = 4.5226… % → 4.52 %
        Margin m = margin("19.90", "0", "19.00");
        assertThat(m.grossMarginPercent()).isEqualByComparingTo("4.52");
        assertThat(new MarginErosionRule(new BigDecimal("10"), BigDecimal.ZERO).eroded(m)).isTrue();
        // under, not at: 4.52 is not under 4.52
        assertThat(new MarginErosionRule(new BigDecimal("4.52"), BigDecimal.ZERO).eroded(m)).isFalse();
        assertThat(new MarginErosionRule(new BigDecimal("4.53"), BigDecimal.ZERO).eroded(m)).isTrue();
    }

    @Test
    void aRefundWithoutReturnErodesWhatWasAHealthyMargin() {
        // 39.80 − 8.00 cost = 31.80, 79.90 %; a 30.00 goodwill refund: 9.80 net sales, 1.80 margin, 18.37 %
        MarginErosionRule rule = new MarginErosionRule(new BigDecimal("20"), BigDecimal.ZERO);
        assertThat(rule.eroded(margin("39.80", "0", "8.00"))).isFalse();
        Margin refunded = margin("39.80", "30.00", "8.00");
        assertThat(refunded.grossMarginPercent()).isEqualByComparingTo("18.37");
        assertThat(rule.eroded(refunded)).isTrue();
    }

    @Test
    void aSkuWithTooFewSalesOrNoneIsNotJudged() {
        MarginErosionRule rule = new MarginErosionRule(new BigDecimal("20"), new BigDecimal("200"));
        // 0 % margin, but 199.99 of net sales is under the minimum of 200
        assertThat(rule.eroded(margin("199.99", "0", "199.99"))).isFalse();
        assertThat(rule.eroded(margin("200.00", "0", "200.00"))).isTrue();
        // fully refunded: no net sales, no percentage; a loss, but not this rule's
        assertThat(rule.eroded(margin("50.00", "50.00", "20.00"))).isFalse();
        assertThat(new MarginErosionRule(new BigDecimal("20"), BigDecimal.ZERO)
                .eroded(margin("50.00", "50.00", "20.00"))).isFalse();
    }

    @Property
    void erodedExactlyWhenTheRoundedPercentageOfEnoughNetSalesIsUnderTheThreshold(
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal revenue,
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal refunds,
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal cost,
            @ForAll @BigRange(min = "-100", max = "100") @Scale(2) BigDecimal threshold,
            @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal minNetSales) {
        Margin m = margin(revenue.toPlainString(), refunds.toPlainString(), cost.toPlainString());
        BigDecimal netSales = revenue.subtract(refunds);
        boolean expected = netSales.signum() > 0 && netSales.compareTo(minNetSales) >= 0
                && netSales.subtract(cost).multiply(BigDecimal.valueOf(100)).divide(netSales, 2, RoundingMode.HALF_UP)
                .compareTo(threshold) < 0;
        assertThat(new MarginErosionRule(threshold, minNetSales).eroded(m)).isEqualTo(expected);
    }

    @Property
    void aHigherThresholdOrALowerMinimumNeverClearsAnErodedMargin(
            @ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal revenue,
            @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal cost,
            @ForAll @BigRange(min = "-100", max = "99") @Scale(2) BigDecimal threshold,
            @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal minNetSales) {
        Margin m = margin(revenue.toPlainString(), "0", cost.toPlainString());
        if (new MarginErosionRule(threshold, minNetSales).eroded(m)) {
            assertThat(new MarginErosionRule(threshold.add(BigDecimal.ONE), minNetSales).eroded(m)).isTrue();
            assertThat(new MarginErosionRule(threshold, BigDecimal.ZERO).eroded(m)).isTrue();
        }
    }
}
