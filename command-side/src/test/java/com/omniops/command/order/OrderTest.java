package com.omniops.command.order;

import com.omniops.command.order.cancel.RecordOrderCancellation;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.deliver.DeliveryResult;
import com.omniops.command.order.pick.PackOrder;
import com.omniops.command.order.pick.PickOrder;
import com.omniops.command.order.place.RecordOrderPlacement;
import com.omniops.command.order.ship.RecordShipment;
import com.omniops.command.order.ship.ShipOrder;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

    private static final String ID = "order-1";
    private static final List<OrderLine> LINES = List.of(
            new OrderLine(1, "SKU-1", 3, new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("6.00")),
            new OrderLine(2, "SKU-2", 1, new BigDecimal("5.00"), BigDecimal.ZERO, BigDecimal.ZERO));
    private static final List<LineAllocation> ALLOCATIONS = List.of(
            new LineAllocation(1, "SKU-1", "WH-A", 2), new LineAllocation(1, "SKU-1", "WH-B", 1),
            new LineAllocation(2, "SKU-2", "WH-A", 1));
    private static final LocalDate PROMISED = LocalDate.parse("2026-11-21");

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
    }

    private static OrderPlaced placed(List<LineAllocation> allocations, List<LineBackorder> backorders) {
        return new OrderPlaced(ID, "WEB", "W-1", "C-1", "EUR", false, LINES, new BigDecimal("4.95"), PROMISED,
                allocations, backorders, NOW);
    }

    private static OrderShipped shippedFromA() {
        return new OrderShipped(ID, "SHP-1", "WH-A",
                List.of(new ShippedLine(1, "SKU-1", 2), new ShippedLine(2, "SKU-2", 1)), "DHL", "T1",
                new BigDecimal("5.40"), NOW.minusSeconds(3600));
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
    void givenShipped_whenConfirmingDelivery_thenDeliveredAndStatusFollows() {
        fixture.given(placed(ALLOCATIONS, List.of()), shippedFromA())
                .when(new ConfirmDelivery(ID, "SHP-1", null))
                .expectEvents(new OrderDelivered(ID, "SHP-1", NOW))
                .expectResultMessagePayloadMatching(deliveryStatus(OrderStatus.PARTIALLY_SHIPPED));
    }

    @Test
    void givenShipped_whenConfirmingDeliveryBeforeItShipped_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()), shippedFromA())
                .when(new ConfirmDelivery(ID, null, NOW.minusSeconds(7200)))
                .expectException(violation(ErrorCode.DELIVERY_BEFORE_SHIPMENT));
    }

    @Test
    void givenNothingShipped_whenConfirmingDelivery_thenRejected() {
        fixture.given(placed(ALLOCATIONS, List.of()))
                .when(new ConfirmDelivery(ID, null, null))
                .expectException(violation(ErrorCode.SHIPMENT_NOT_FOUND));
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

    @Test
    void fulfilmentSaysCompleteShipmentCountOnTimeAndShippingCost() {
        Order order = new Order();
        order.on(placed(ALLOCATIONS, List.of()));
        assertThat(order.fulfilment().onTime()).isNull();
        order.on(shippedFromA());
        assertThat(order.fulfilment().complete()).isFalse();
        assertThat(order.fulfilment().shipments()).isEqualTo(1);
        assertThat(order.fulfilment().onTime()).isTrue();
        // the second parcel leaves two days after the promised ship date
        order.on(new OrderShipped(ID, "SHP-2", "WH-B", List.of(new ShippedLine(1, "SKU-1", 1)), "UPS", "T2",
                new BigDecimal("3.10"), PROMISED.plusDays(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
        Fulfilment fulfilment = order.fulfilment();
        assertThat(fulfilment.complete()).isTrue();
        assertThat(fulfilment.shipments()).isEqualTo(2);
        assertThat(fulfilment.onTime()).isFalse();
        assertThat(fulfilment.shippingCost()).isEqualByComparingTo("8.50");
    }

    @Test
    void aShipmentStoredWithoutShippingCost_revisionOne_countsAsNoCost() {
        Order order = new Order();
        order.on(placed(ALLOCATIONS, List.of()));
        order.on(new OrderShipped(ID, "SHP-1", "WH-A", List.of(new ShippedLine(1, "SKU-1", 2)), "DHL", "T1", null,
                NOW));
        assertThat(order.fulfilment().shippingCost()).isEqualByComparingTo("0");
        assertThat(order.fulfilment().unitsShipped()).isEqualTo(2);
    }

    private static org.hamcrest.Matcher<DeliveryResult> deliveryStatus(OrderStatus status) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeliveryResult result) {
                return result.status() == status;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a delivery result with status " + status);
            }
        };
    }

    @Test
    void statusFollowsTheOrdersLife() {
        Order order = new Order();
        order.on(placed(ALLOCATIONS.subList(0, 2), List.of(new LineBackorder(2, "SKU-2", 1))));
        assertThat(order.status()).isEqualTo(OrderStatus.BACKORDERED);

        Order complete = new Order();
        complete.on(placed(ALLOCATIONS, List.of()));
        assertThat(complete.status()).isEqualTo(OrderStatus.PLACED);
        complete.on(shippedFromA());
        assertThat(complete.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        complete.on(new OrderShipped(ID, "SHP-2", "WH-B", List.of(new ShippedLine(1, "SKU-1", 1)), null, null, null,
                NOW));
        assertThat(complete.status()).isEqualTo(OrderStatus.SHIPPED);
        complete.on(new OrderDelivered(ID, "SHP-1", NOW));
        assertThat(complete.status()).isEqualTo(OrderStatus.SHIPPED);
        complete.on(new OrderDelivered(ID, "SHP-2", NOW));
        assertThat(complete.status()).isEqualTo(OrderStatus.DELIVERED);
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
