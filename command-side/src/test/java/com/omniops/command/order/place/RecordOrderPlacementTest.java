package com.omniops.command.order.place;

import com.omniops.command.order.Order;
import com.omniops.command.rule.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.omniops.command.order.TwoWarehouseOrder.ALLOCATIONS;
import static com.omniops.command.order.TwoWarehouseOrder.ID;
import static com.omniops.command.order.TwoWarehouseOrder.LINES;
import static com.omniops.command.order.TwoWarehouseOrder.PROMISED;
import static com.omniops.command.order.TwoWarehouseOrder.placed;
import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.violation;

/** The order is created only exactly covered by its reservations and backorders. */
class RecordOrderPlacementTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void whenRecordingAFullyAllocatedPlacement_thenOrderPlaced() {
        fixture.givenNoPriorActivity()
                .when(new RecordOrderPlacement(ID, "WEB", "W-1", "C-1", "EUR", false, LINES, new BigDecimal("4.95"),
                        PROMISED, ALLOCATIONS, List.of()))
                .expectEvents(placed(ALLOCATIONS, List.of()));
    }

    @Test
    void whenAllocationsDoNotCoverALine_thenPlacementRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordOrderPlacement(ID, "WEB", "W-1", "C-1", "EUR", false, LINES, BigDecimal.ZERO,
                        PROMISED, ALLOCATIONS.subList(0, 2), List.of()))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }
}
