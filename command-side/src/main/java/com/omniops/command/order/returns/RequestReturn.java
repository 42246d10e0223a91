package com.omniops.command.order.returns;

import com.omniops.events.order.ReturnReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Authorises a return (RMA) of delivered units, each line with its reason code. */
public record RequestReturn(@TargetAggregateIdentifier String orderId, String returnId, List<Line> lines) {

    public RequestReturn {
        lines = List.copyOf(lines);
    }

    public record Line(int lineNo, int quantity, ReturnReason reason, String note) {
    }
}
