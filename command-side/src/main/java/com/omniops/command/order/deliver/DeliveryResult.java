package com.omniops.command.order.deliver;

import com.omniops.command.order.Fulfilment;
import com.omniops.command.order.OrderStatus;

public record DeliveryResult(String orderId, OrderStatus status, Fulfilment fulfilment) {
}
