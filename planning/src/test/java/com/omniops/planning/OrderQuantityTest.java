package com.omniops.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OrderQuantityTest {

    @Test
    void atOrBelowMinOrdersUpToMaxRoundedUpToTheMultiple_knownAnswerFromTheIssue() {
        // min 10, max 40, multiple 6, forecast 8: 40 − 8 = 32 → next multiple of 6 = 36
        assertThat(OrderQuantity.minMax(8, 10, 40, 6, 0)).isEqualTo(36);
        // exactly at min still orders: 40 − 10 = 30, already a multiple of 6
        assertThat(OrderQuantity.minMax(10, 10, 40, 6, 0)).isEqualTo(30);
    }

    @Test
    void aboveMinOrdersNothing() {
        assertThat(OrderQuantity.minMax(11, 10, 40, 6, 0)).isZero();
        assertThat(OrderQuantity.minMax(11, 10, 40, 6, 100)).isZero();
    }

    @Test
    void theSupplierMinimumRaisesTheOrder_roundedToTheMultipleToo() {
        // 40 − 8 = 32 → 36, below the supplier minimum 50 → 50 → next multiple of 6 = 54
        assertThat(OrderQuantity.minMax(8, 10, 40, 6, 50)).isEqualTo(54);
        // a minimum below the computed quantity changes nothing
        assertThat(OrderQuantity.minMax(8, 10, 40, 6, 12)).isEqualTo(36);
    }

    @Test
    void backordersAreOrderedToo_andNothingIsOrderedWhenAlreadyAtMax() {
        // a negative position is ordered up from too (StockPosition.projected never gives one): 40 + 5 = 45 → 48
        assertThat(OrderQuantity.minMax(-5, 10, 40, 6, 0)).isEqualTo(48);
        assertThat(OrderQuantity.minMax(10, 10, 10, 1, 20)).isZero();
    }

    @Test
    void badRulesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderQuantity.minMax(0, 10, 5, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderQuantity.minMax(0, 10, 40, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> OrderQuantity.minMax(0, 10, 40, 1, -1));
    }
}
