package com.omniops.events.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The totals rule, computed by hand. */
class OrderAmountsTest {

    @Test
    void aGrossPriceContainsItsTax() {
        OrderAmounts.Line line = OrderAmounts.line(new OrderLine(1, "SKU-1", 1, new BigDecimal("16.00"),
                BigDecimal.ZERO, new BigDecimal("2.67")), true);

        assertThat(line.net()).isEqualByComparingTo("13.33");
        assertThat(line.tax()).isEqualByComparingTo("2.67");
        assertThat(line.gross()).isEqualByComparingTo("16.00");
    }

    @Test
    void aNetPriceHasItsTaxAdded() {
        OrderAmounts.Line line = OrderAmounts.line(new OrderLine(1, "SKU-1", 1, new BigDecimal("13.33"),
                BigDecimal.ZERO, new BigDecimal("2.67")), false);

        assertThat(line.net()).isEqualByComparingTo("13.33");
        assertThat(line.tax()).isEqualByComparingTo("2.67");
        assertThat(line.gross()).isEqualByComparingTo("16.00");
    }

    @Test
    void theDiscountComesOffThePriceBeforeTaxIsSplitOrAdded() {
        // gross: 2 × 16.00 − 2.00 = 30.00, containing 5.00 tax; net: 2 × 16.00 − 2.00 = 30.00 plus 6.00 tax
        OrderAmounts.Line gross = OrderAmounts.line(1, 2, new BigDecimal("16.00"), new BigDecimal("2.00"),
                new BigDecimal("5.00"), true);
        OrderAmounts.Line net = OrderAmounts.line(1, 2, new BigDecimal("16.00"), new BigDecimal("2.00"),
                new BigDecimal("6.00"), false);

        assertThat(gross.net()).isEqualByComparingTo("25.00");
        assertThat(gross.gross()).isEqualByComparingTo("30.00");
        assertThat(net.net()).isEqualByComparingTo("30.00");
        assertThat(net.gross()).isEqualByComparingTo("36.00");
    }

    @Test
    void theOrderTotalIsTheGrossOfItsLinesPlusShippingWhichCarriesNoTax() {
        List<OrderLine> lines = List.of(
                new OrderLine(1, "SKU-1", 1, new BigDecimal("16.00"), BigDecimal.ZERO, new BigDecimal("2.67")),
                new OrderLine(2, "SKU-2", 3, new BigDecimal("10.00"), new BigDecimal("3.00"), new BigDecimal("4.50")));

        OrderAmounts amounts = OrderAmounts.of(lines, new BigDecimal("4.95"), true);

        // lines gross 16.00 + 27.00 = 43.00, of which tax 2.67 + 4.50 = 7.17; shipping 4.95 on top of both
        assertThat(amounts.gross()).isEqualByComparingTo("47.95");
        assertThat(amounts.tax()).isEqualByComparingTo("7.17");
        assertThat(amounts.net()).isEqualByComparingTo("40.78");
        assertThat(amounts.shippingCharge()).isEqualByComparingTo("4.95");
        assertThat(amounts.forLine(2).net()).isEqualByComparingTo("22.50");
    }

    @Test
    void taxContainedInAGrossAmountAndAddedToANetOneAt20Percent() {
        BigDecimal rate = new BigDecimal("20");
        assertThat(OrderAmounts.taxContainedIn(new BigDecimal("16.00"), rate, 2)).isEqualByComparingTo("2.67");
        assertThat(OrderAmounts.taxAddedTo(new BigDecimal("13.33"), rate, 2)).isEqualByComparingTo("2.67");
        assertThat(OrderAmounts.taxContainedIn(new BigDecimal("120.00"), rate, 2)).isEqualByComparingTo("20.00");
    }
}
