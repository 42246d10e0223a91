package com.omniops.command.order.cancel;

import com.omniops.command.order.OrderStatus;
import com.omniops.events.order.LineAllocation;

import java.util.List;

public record CancellationResult(String orderId, OrderStatus status, List<LineAllocation> released) {
}
