package com.omniops.command.order.cancel;

import com.omniops.command.order.Order;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.OrderCancelled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.order.TwoWarehouseOrder.ALLOCATIONS;
import static com.omniops.command.order.TwoWarehouseOrder.ID;
import static com.omniops.command.order.TwoWarehouseOrder.placed;
import static com.omniops.command.order.TwoWarehouseOrder.shippedFromA;
import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class RecordOrderCancellationTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void givenPlaced_whenCancelling_thenCancelledAndEveryReservationIsReleased() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new RecordOrderCancellation(ID, "customer changed mind"))
                .expectEvents(new OrderCancelled(ID, "customer changed mind", ALLOCATIONS, NOW))
                .expectResultMessagePayload(ALLOCATIONS);
    }

    @Test
    void givenCancelled_whenCancellingAgain_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()), new OrderCancelled(ID, "x", ALLOCATIONS, NOW))
                .when(new RecordOrderCancellation(ID, "again"))
                .expectException(violation(ErrorCode.ORDER_ALREADY_CANCELLED));
    }

    @Test
    void givenPartlyShipped_whenCancelling_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()), shippedFromA())
                .when(new RecordOrderCancellation(ID, "too late"))
                .expectException(violation(ErrorCode.ORDER_ALREADY_SHIPPED));
    }
}
