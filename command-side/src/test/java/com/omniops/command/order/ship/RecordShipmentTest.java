package com.omniops.command.order.ship;

import com.omniops.command.order.Order;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.OrderCancelled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.omniops.command.order.TwoWarehouseOrder.ALLOCATIONS;
import static com.omniops.command.order.TwoWarehouseOrder.ID;
import static com.omniops.command.order.TwoWarehouseOrder.placed;
import static com.omniops.command.order.TwoWarehouseOrder.shippedFromA;
import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class RecordShipmentTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void givenPlaced_whenShippingAWarehouseWithoutLines_thenEverythingReservedThereShips() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new RecordShipment(ID, "SHP-1", "WH-A", List.of(), "DHL", "T1", new BigDecimal("5.40"),
                        NOW.minusSeconds(3600)))
                .expectEvents(shippedFromA());
    }

    @Test
    void givenPlaced_whenShippingMoreThanReservedInThatWarehouse_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new RecordShipment(ID, "SHP-1", "WH-B", List.of(new ShipOrder.Line(1, 2)), null, null, null, null))
                .expectException(violation(ErrorCode.SHIPMENT_EXCEEDS_ALLOCATION));
    }

    @Test
    void givenPlaced_whenShippingFromAWarehouseWithNothingReserved_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new RecordShipment(ID, "SHP-1", "WH-Z", List.of(), null, null, null, null))
                .expectException(violation(ErrorCode.ORDER_NOT_SHIPPABLE));
    }

    @Test
    void givenCancelled_whenShipping_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()), new OrderCancelled(ID, "x", ALLOCATIONS, NOW))
                .when(new RecordShipment(ID, "SHP-1", "WH-A", List.of(), null, null, null, null))
                .expectException(violation(ErrorCode.ORDER_NOT_SHIPPABLE));
    }

    @Test
    void givenPlaced_whenShippingInTheFuture_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new RecordShipment(ID, "SHP-1", "WH-A", List.of(), null, null, null, NOW.plusSeconds(60)))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenAShipmentWithACost_whenShippingTheRestNegativeCost_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()), shippedFromA())
                .when(new RecordShipment(ID, "SHP-2", "WH-B", List.of(), "UPS", "T2", new BigDecimal("-1.00"), null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenShippingCostWithMoreDecimalsThanTheCurrency_whenShipping_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new RecordShipment(ID, "SHP-1", "WH-A", List.of(), "UPS", "T2", new BigDecimal("5.123"), null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }
}
