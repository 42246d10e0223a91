package com.omniops.command.order.fulfilment;

import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.OrderStatus;
import com.omniops.events.order.ShippedLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.omniops.command.order.TwoWarehouseOrder.ALLOCATIONS;
import static com.omniops.command.order.TwoWarehouseOrder.ID;
import static com.omniops.command.order.TwoWarehouseOrder.PROMISED;
import static com.omniops.command.order.TwoWarehouseOrder.placed;
import static com.omniops.command.order.TwoWarehouseOrder.shippedFromA;
import static com.omniops.command.support.Violations.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The fulfilment member followed event by event: what it says about shipments, and the status it derives. */
class OrderFulfilmentTest {

    @Test
    void fulfilmentSaysCompleteShipmentCountOnTimeAndShippingCost() {
        OrderFulfilment order = new OrderFulfilment();
        order.on(placed(ALLOCATIONS, List.of()));
        assertThat(order.view().onTime()).isNull();
        order.on(shippedFromA());
        assertThat(order.view().complete()).isFalse();
        assertThat(order.view().shipments()).isEqualTo(1);
        assertThat(order.view().onTime()).isTrue();
        // the second parcel leaves two days after the promised ship date
        order.on(new OrderShipped(ID, "SHP-2", "WH-B", List.of(new ShippedLine(1, "SKU-1", 1)), "UPS", "T2",
                new BigDecimal("3.10"), PROMISED.plusDays(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
        Fulfilment fulfilment = order.view();
        assertThat(fulfilment.complete()).isTrue();
        assertThat(fulfilment.shipments()).isEqualTo(2);
        assertThat(fulfilment.onTime()).isFalse();
        assertThat(fulfilment.shippingCost()).isEqualByComparingTo("8.50");
    }

    @Test
    void aShipmentStoredWithoutShippingCost_revisionOne_countsAsNoCost() {
        OrderFulfilment order = new OrderFulfilment();
        order.on(placed(ALLOCATIONS, List.of()));
        order.on(new OrderShipped(ID, "SHP-1", "WH-A", List.of(new ShippedLine(1, "SKU-1", 2)), "DHL", "T1", null,
                NOW));
        assertThat(order.view().shippingCost()).isEqualByComparingTo("0");
        assertThat(order.view().unitsShipped()).isEqualTo(2);
    }

    @Test
    void statusFollowsTheOrdersLife() {
        OrderFulfilment order = new OrderFulfilment();
        order.on(placed(ALLOCATIONS.subList(0, 2), List.of(new LineBackorder(2, "SKU-2", 1))));
        assertThat(order.status()).isEqualTo(OrderStatus.BACKORDERED);

        OrderFulfilment complete = new OrderFulfilment();
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
}
