package com.omniops.command.period;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;
import java.util.List;

/** Close a month whose checklist passed ({@code checks}: the items, as the query side evaluated them). */
public record ClosePeriod(YearMonth period, List<String> checks, String closedBy) {

    public ClosePeriod {
        checks = List.copyOf(checks);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.period(period.toString());
    }
}
