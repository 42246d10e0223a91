package com.omniops.command.period;

import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;

/** Reopen a closed month, with the reason. */
public record ReopenPeriod(YearMonth period, String reason, String reopenedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamIds.period(period.toString());
    }
}
