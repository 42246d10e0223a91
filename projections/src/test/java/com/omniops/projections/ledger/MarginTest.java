package com.omniops.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.projections.ledger.Margin.Component;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Margins of two sets of lines add up to the margin of both (what a week of daily margins relies on). */
class MarginTest {

    @Test
    void theMarginOfTwoDaysIsTheMarginOfTheirLinesTogether() {
        Margin monday = Margin.of(Map.of(Component.GROSS_REVENUE, new BigDecimal("100.00"),
                Component.DISCOUNTS, new BigDecimal("-10.00"), Component.COST_OF_GOODS_SOLD, new BigDecimal("-45.00"),
                Component.SHIPPING_CHARGED, new BigDecimal("4.95"), Component.FEES, new BigDecimal("-13.50")));
        Margin tuesday = Margin.of(Map.of(Component.GROSS_REVENUE, new BigDecimal("50.00"),
                Component.REFUNDS, new BigDecimal("-20.00"), Component.COST_OF_GOODS_SOLD, new BigDecimal("-12.00"),
                Component.SHIPPING_COST, new BigDecimal("-6.10"), Component.OTHER, new BigDecimal("0.40")));

        Margin both = monday.plus(tuesday);

        // net sales (100 − 10) + (50 − 20) = 120; gross margin 120 − 57 = 63, 52.50 %
        assertThat(both.netSales()).isEqualByComparingTo("120.00");
        assertThat(both.costOfGoodsSold()).isEqualByComparingTo("57.00");
        assertThat(both.grossMargin()).isEqualByComparingTo("63.00");
        assertThat(both.grossMarginPercent()).isEqualByComparingTo("52.50");
        // contribution 63 + 4.95 − 6.10 − 13.50 + 0.40 = 48.75, ÷ (120 + 4.95) = 39.02 %
        assertThat(both.contributionMargin()).isEqualByComparingTo("48.75");
        assertThat(both.contributionMarginPercent()).isEqualByComparingTo("39.02");
        assertThat(both).isEqualTo(Margin.of(Map.of(Component.GROSS_REVENUE, new BigDecimal("150.00"),
                Component.DISCOUNTS, new BigDecimal("-10.00"), Component.REFUNDS, new BigDecimal("-20.00"),
                Component.COST_OF_GOODS_SOLD, new BigDecimal("-57.00"), Component.SHIPPING_CHARGED,
                new BigDecimal("4.95"), Component.SHIPPING_COST, new BigDecimal("-6.10"), Component.FEES,
                new BigDecimal("-13.50"), Component.OTHER, new BigDecimal("0.40"))));
    }
}
