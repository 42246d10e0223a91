package com.omniops.command.stock.release;

import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import com.omniops.events.stock.StockReservationReleased;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.stock.StockItemFixture.ORDER;
import static com.omniops.command.stock.StockItemFixture.received;
import static com.omniops.command.stock.StockItemFixture.reserved;
import static com.omniops.command.support.Violations.NOW;

/** Releasing an order line gives back exactly what it held. */
class ReleaseReservationTest {

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
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
