package com.omniops.events.order;

public sealed interface OrderEvent permits OrderPlaced, OrderCancelled, OrderShipped, OrderDelivered, PaymentCaptured,
        OrderFeeRecorded, ReturnRequested, ReturnReceived, ReturnInspected, OrderRefundEarmarked, OrderRefundApproved,
        OrderRefundReleased, OrderRefunded, BackorderAllocated, OrderPicked, OrderPacked, OrderShipmentOverdue {
    String orderId();
}
