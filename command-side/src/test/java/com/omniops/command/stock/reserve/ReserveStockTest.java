package com.omniops.command.stock.reserve;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.stock.StockItemFixture.ORDER;
import static com.omniops.command.stock.StockItemFixture.received;
import static com.omniops.command.stock.StockItemFixture.reserved;
import static com.omniops.command.support.Violations.violation;

/** Reservations per order line: never more than available, idempotent per line. */
class ReserveStockTest {

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
    }

    @Test
    void givenFiveOnHand_whenReservingSix_thenReservationRejected() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new ReserveStock(ID, ORDER, 1, 6))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK))
                .expectNoEvents();
    }

    @Test
    void givenFiveOnHand_whenReservingFive_thenAllFiveReserved() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new ReserveStock(ID, ORDER, 1, 5))
                .expectEvents(reserved(5, 5));
    }

    @Test
    void givenThreeReservedForALine_whenReservingTheSameLineAgain_thenNothingChanges() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReserveStock(ID, ORDER, 1, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenThreeReservedForALine_whenReservingTheSameLineWithTwo_thenConflict() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReserveStock(ID, ORDER, 1, 2))
                .expectException(violation(ErrorCode.RESERVATION_CONFLICT));
    }

    @Test
    void givenThreeReservedForAnotherOrder_whenReservingThree_thenOnlyTwoAreAvailable() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReserveStock(ID, "order-2", 1, 3))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK));
    }
}
