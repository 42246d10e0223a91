package com.omniops.command.order.cancel;

/** Handled by {@link OrderCancellation}: cancels the order and gives its reserved stock back. */
public record CancelOrder(String orderId, String reason) {
}
