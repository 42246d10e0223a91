package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A return (RMA) was authorised: per line, at most what was delivered and not yet returned. */
@Revision("1")
public record ReturnRequested(String orderId, String returnId, List<ReturnLine> lines, Instant requestedAt)
        implements OrderEvent {
    public ReturnRequested {
        lines = List.copyOf(lines);
    }
}
