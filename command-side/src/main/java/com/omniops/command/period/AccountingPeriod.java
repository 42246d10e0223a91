package com.omniops.command.period;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.StreamIds;
import com.omniops.events.period.PeriodClosed;
import com.omniops.events.period.PeriodReopened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A calendar month of the books (UTC), open until it is closed (docs/settlements.md "Period close"). It closes only
 * after it has ended and with a passing checklist, which the query side evaluates (it holds every figure the checklist
 * reads); it reopens only by an admin, with a reason. Both are events with the actor.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AccountingPeriod {

    @AggregateIdentifier
    private String aggregateId;
    private String period;
    private boolean closed;

    protected AccountingPeriod() {
    }

    /** The first instant after the month, UTC: when its days to close start counting. */
    public static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ClosePeriod command, Clock clock) {
        require(!closed, ErrorCode.PERIOD_ALREADY_CLOSED, "Period " + command.period() + " is closed already.");
        Instant end = endOf(command.period());
        require(!clock.instant().isBefore(end), ErrorCode.PERIOD_NOT_ENDED, "Period " + command.period()
                + " ends at " + end + "; a month closes after it has ended.");
        apply(new PeriodClosed(command.period().toString(), end, command.checks(), command.closedBy(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ReopenPeriod command, Clock clock) {
        require(closed, ErrorCode.PERIOD_NOT_CLOSED, "Period " + command.period() + " is open.");
        apply(new PeriodReopened(command.period().toString(), command.reason(), command.reopenedBy(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(PeriodClosed event) {
        aggregateId = StreamIds.period(event.period());
        period = event.period();
        closed = true;
    }

    @EventSourcingHandler
    void on(PeriodReopened event) {
        closed = false;
    }
}
