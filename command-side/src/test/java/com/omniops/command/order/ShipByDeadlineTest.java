package com.omniops.command.order;

import com.omniops.command.order.cancel.RecordOrderCancellation;
import com.omniops.command.order.place.RecordOrderPlacement;
import com.omniops.command.order.ship.RecordShipment;
import com.omniops.command.order.ship.ShipOrder;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.ShippedLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.order.OrderFixtures.ALLOCATIONS;
import static com.omniops.command.order.OrderFixtures.ID;
import static com.omniops.command.order.OrderFixtures.LINES;
import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order placed with a promised ship date gets a ship-by deadline for the end of that day (UTC); when it fires,
 * the order is overdue only if units are still unshipped and it is not cancelled. (The fixture's deadline manager
 * stands in for the durable one; the system test AlertsThroughTheApiTest fires the real one.)
 */
class ShipByDeadlineTest {

    private static final LocalDate PROMISE = LocalDate.parse("2026-11-21");
    private static final RecordOrderPlacement PLACEMENT = new RecordOrderPlacement(ID, "WEB", "W-1", "C-1", "EUR",
            false, LINES, new BigDecimal("4.95"), PROMISE, ALLOCATIONS, List.of());

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void theDeadlineIsTheStartOfTheDayAfterThePromise() {
        assertThat(Order.shipByDeadline(PROMISE)).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(PLACEMENT)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-22T00:00:00Z"), Order.SHIP_BY_DEADLINE);
    }

    @Test
    void anOrderWithUnitsUnshippedWhenItFiresIsOverdue() {
        // one of the four units shipped: three still open
        fixture.givenCommands(PLACEMENT, new RecordShipment(ID, "SHP-1", "WH-A",
                        List.of(new ShipOrder.Line(2, 1)), "DHL", "T1", null, NOW))
                .whenTimeElapses(Duration.ofDays(1))
                .expectTriggeredDeadlinesWithName(Order.SHIP_BY_DEADLINE)
                .expectEvents(new OrderShipmentOverdue(ID, "WEB", "W-1", PROMISE, 4, 1, NOW));
    }

    @Test
    void aFullyShippedOrCancelledOrderIsNotOverdue() {
        fixture.givenCommands(PLACEMENT, new RecordShipment(ID, "SHP-1", "WH-A", List.of(), "DHL", "T1", null, NOW))
                .whenTimeElapses(Duration.ofDays(1))
                .expectNoEvents();
        fixture.givenCommands(PLACEMENT, new RecordOrderCancellation(ID, "customer changed their mind"))
                .whenTimeElapses(Duration.ofDays(1))
                .expectNoEvents();
    }
}
