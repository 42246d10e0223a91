package com.omniops.command.order.deliver;

import com.omniops.command.order.fulfilment.Fulfilment;
import com.omniops.events.order.OrderStatus;

public record DeliveryResult(String orderId, OrderStatus status, Fulfilment fulfilment) {
}
