package com.omniops.command.stock.reserve;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Reservations per order line: never more than available, idempotent per line. */
class ReserveStockTest {

    private static final String ID = "WH-A:SKU-1";
    private static final String ORDER = "order-1";

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1"));
        fixture.registerInjectableResource(new InMemoryLookups.StockItems());
    }

    private static StockReceived received(int quantity, String cost, String averageAfter, int onHandAfter) {
        return new StockReceived(ID, "SKU-1", "WH-A", quantity, Money.of(cost, "EUR"), ReceiptSource.PURCHASE_ORDER,
                "PO-1", Money.of(averageAfter, "EUR"), onHandAfter, 0, NOW);
    }

    private static StockReserved reserved(int quantity, int reservedAfter) {
        return new StockReserved(ID, "SKU-1", "WH-A", ORDER, 1, quantity, 5, reservedAfter, NOW);
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
