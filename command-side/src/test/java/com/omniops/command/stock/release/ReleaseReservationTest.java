package com.omniops.command.stock.release;

import com.omniops.command.stock.StockItem;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/** Releasing an order line gives back exactly what it held. */
class ReleaseReservationTest {

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
    void givenAReservation_whenReleasing_thenTheWholeReservationIsReleased() {
        fixture.given(received(5, "10.00", "10.0000", 5), reserved(3, 3))
                .when(new ReleaseReservation(ID, ORDER, 1, "cancelled"))
                .expectEvents(new StockReservationReleased(ID, "SKU-1", "WH-A", ORDER, 1, 3, "cancelled", 5, 0,
                        NOW));
    }

    @Test
    void givenNoReservation_whenReleasing_thenNothingHappens() {
        fixture.given(received(5, "10.00", "10.0000", 5))
                .when(new ReleaseReservation(ID, ORDER, 1, "cancelled"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
