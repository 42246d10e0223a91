package com.omniops.command.period;

import com.omniops.command.rule.ErrorCode;
import com.omniops.events.period.PeriodClosed;
import com.omniops.events.period.PeriodReopened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** A month closes once it has ended, not twice; it reopens only when closed. (NOW is 2026-11-20.) */
class AccountingPeriodTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant OCTOBER_END = Instant.parse("2026-11-01T00:00:00Z");
    private static final List<String> CHECKS = List.of("SETTLEMENTS_RECONCILED");

    private AggregateTestFixture<AccountingPeriod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountingPeriod.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void anEndedMonthCloses() {
        fixture.givenNoPriorActivity()
                .when(new ClosePeriod(OCTOBER, CHECKS, "finance"))
                .expectEvents(new PeriodClosed("2026-10", OCTOBER_END, CHECKS, "finance", NOW));
    }

    @Test
    void aMonthThatHasNotEndedDoesNotClose() {
        fixture.givenNoPriorActivity()
                .when(new ClosePeriod(YearMonth.of(2026, 11), CHECKS, "finance"))
                .expectException(violation(ErrorCode.PERIOD_NOT_ENDED));
    }

    @Test
    void aClosedMonthDoesNotCloseAgainButReopensAndThenCloses() {
        PeriodClosed closed = new PeriodClosed("2026-10", OCTOBER_END, CHECKS, "finance", NOW);
        fixture.given(closed)
                .when(new ClosePeriod(OCTOBER, CHECKS, "finance"))
                .expectException(violation(ErrorCode.PERIOD_ALREADY_CLOSED));
        fixture.given(closed)
                .when(new ReopenPeriod(OCTOBER, "late credit note", "admin"))
                .expectEvents(new PeriodReopened("2026-10", "late credit note", "admin", NOW));
        fixture.given(closed, new PeriodReopened("2026-10", "late credit note", "admin", NOW))
                .when(new ClosePeriod(OCTOBER, CHECKS, "finance"))
                .expectEvents(new PeriodClosed("2026-10", OCTOBER_END, CHECKS, "finance", NOW));
        fixture.given(closed, new PeriodReopened("2026-10", "late credit note", "admin", NOW))
                .when(new ReopenPeriod(OCTOBER, "again", "admin"))
                .expectException(violation(ErrorCode.PERIOD_NOT_CLOSED));
    }
}
