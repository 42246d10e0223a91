package com.omniops.events.order;

public sealed interface OrderEvent permits OrderPlaced, OrderCancelled, OrderShipped, OrderDelivered {
    String orderId();
}
