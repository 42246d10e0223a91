package com.omniops.projections.orderboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderBoardStatusTest {

    @Test
    void fullyAllocatedOrderWithNothingShippedIsPlaced() {
        assertThat(OrderBoardStatus.derive(false, 5, 0, 0, true)).isEqualTo(OrderBoardStatus.PLACED);
    }

    @Test
    void orderWaitingForStockIsBackordered() {
        assertThat(OrderBoardStatus.derive(false, 5, 2, 0, true)).isEqualTo(OrderBoardStatus.BACKORDERED);
    }

    @Test
    void someUnitsShippedIsPartiallyShippedEvenWhileBackordered() {
        assertThat(OrderBoardStatus.derive(false, 5, 2, 3, false)).isEqualTo(OrderBoardStatus.PARTIALLY_SHIPPED);
        assertThat(OrderBoardStatus.derive(false, 5, 2, 3, true)).isEqualTo(OrderBoardStatus.PARTIALLY_SHIPPED);
    }

    @Test
    void allUnitsShippedIsShippedUntilEveryShipmentIsDelivered() {
        assertThat(OrderBoardStatus.derive(false, 5, 0, 5, false)).isEqualTo(OrderBoardStatus.SHIPPED);
        assertThat(OrderBoardStatus.derive(false, 5, 0, 5, true)).isEqualTo(OrderBoardStatus.DELIVERED);
    }

    @Test
    void cancelledWins() {
        assertThat(OrderBoardStatus.derive(true, 5, 0, 0, true)).isEqualTo(OrderBoardStatus.CANCELLED);
    }
}
