package com.omniops.command.order.deliver;

import com.omniops.command.order.Order;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderStatus;
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

class ConfirmDeliveryTest {

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
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
}
