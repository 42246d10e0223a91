package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The order will not be fulfilled; {@code releasedAllocations} were given back to stock in the same transaction. */
@Revision("1")
public record OrderCancelled(String orderId, String reason, List<LineAllocation> releasedAllocations,
                             Instant cancelledAt) implements OrderEvent {
    public OrderCancelled {
        releasedAllocations = List.copyOf(releasedAllocations);
    }
}
