package com.omniops.command.order.cancel;

import com.omniops.events.order.OrderStatus;
import com.omniops.command.refund.RefundResult;
import com.omniops.events.order.LineAllocation;

import java.util.List;

/** {@code refund} is the refund requested for the captured money, or null when nothing was paid. */
public record CancellationResult(String orderId, OrderStatus status, List<LineAllocation> released,
                                 RefundResult refund) {
}
