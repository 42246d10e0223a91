package com.omniops.command.order.cancel;

/**
 * Handled by {@link OrderCancellation}: cancels the order and gives its reserved stock back. When the order has
 * refundable captured money, a CANCELLATION refund for all of it is requested as {@code refundId}.
 */
public record CancelOrder(String orderId, String reason, String refundId) {
}
