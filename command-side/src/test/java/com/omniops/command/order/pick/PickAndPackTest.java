package com.omniops.command.order.pick;

import com.omniops.command.order.Order;
import com.omniops.command.order.fulfilment.FulfilmentStage;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.ShippedLine;
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

class PickAndPackTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void givenPlaced_whenPickingAWarehouse_thenEverythingReservedThereIsPicked_andPickingAgainChangesNothing() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new PickOrder(ID, "WH-A", "picker"))
                .expectEvents(new OrderPicked(ID, "WH-A", List.of(new ShippedLine(1, "SKU-1", 2),
                        new ShippedLine(2, "SKU-2", 1)), "picker", NOW))
                .expectResultMessagePayload(FulfilmentStage.PICKED);
        fixture.given(placed(ALLOCATIONS, List.of()), new OrderPicked(ID, "WH-A", List.of(), "picker", NOW))
                .when(new PickOrder(ID, "WH-A", "picker"))
                .expectNoEvents();
    }

    @Test
    void givenNothingReservedInAWarehouse_whenPicking_thenRefused() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new PickOrder(ID, "WH-Z", "picker"))
                .expectException(violation(ErrorCode.ORDER_NOT_SHIPPABLE));
    }

    @Test
    void givenNotPicked_whenPacking_thenRefused_butAfterPickingItPacks() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new PackOrder(ID, "WH-A", 2))
                .expectException(violation(ErrorCode.ORDER_NOT_SHIPPABLE));
        fixture.given(placed(ALLOCATIONS, List.of()), new OrderPicked(ID, "WH-A", List.of(), "picker", NOW))
                .when(new PackOrder(ID, "WH-A", 2))
                .expectEvents(new OrderPacked(ID, "WH-A", 2, NOW))
                .expectResultMessagePayload(FulfilmentStage.PACKED);
    }

    @Test
    void givenPickedAndShipped_whenPackingThatWarehouse_thenRefusedBecauseTheShipmentClearedThePick() {
        fixture.given(placed(ALLOCATIONS, List.of()), new OrderPicked(ID, "WH-A", List.of(), "picker", NOW),
                        shippedFromA())
                .when(new PackOrder(ID, "WH-A", 1))
                .expectException(violation(ErrorCode.ORDER_NOT_SHIPPABLE));
    }
}
