package com.omniops.command.order.place;

import com.omniops.events.order.OrderStatus;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;

import java.util.List;

/** What the caller learns from a placement: {@code created} is false when the channel reference already existed. */
public record PlacementResult(String orderId, OrderStatus status, List<LineAllocation> allocations,
                              List<LineBackorder> backorders, boolean created) {

    public PlacementResult asExisting() {
        return new PlacementResult(orderId, status, allocations, backorders, false);
    }
}
