package com.omniops.projections.periods;

import static com.omniops.projections.jooq.Tables.PERIODS_PERIOD;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;

import com.omniops.events.period.PeriodClosed;
import com.omniops.events.period.PeriodEvent;
import com.omniops.events.period.PeriodReopened;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "periods": each month ever closed, open again or closed, who did it and when, and its days to close
 * ({@link DaysToClose}). The period row's {@code last_sequence} guards every write.
 */
@Component
@ProcessingGroup(PeriodsProjector.PROCESSING_GROUP)
public class PeriodsProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "periods";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, PeriodsProjector::new, PERIODS_PERIOD);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public PeriodsProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(PeriodClosed event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(PERIODS_PERIOD)
                .set(PERIODS_PERIOD.PERIOD, event.period())
                .set(PERIODS_PERIOD.STATUS, "CLOSED")
                .set(PERIODS_PERIOD.PERIOD_END, utc(event.periodEnd()))
                .set(PERIODS_PERIOD.CLOSED_AT, utc(event.closedAt()))
                .set(PERIODS_PERIOD.CLOSED_BY, event.closedBy())
                .set(PERIODS_PERIOD.CHECKS, String.join(",", event.checks()))
                .set(PERIODS_PERIOD.DAYS_TO_CLOSE, DaysToClose.of(event.periodEnd(), event.closedAt()))
                .set(PERIODS_PERIOD.TIMES_CLOSED, 1)
                .set(PERIODS_PERIOD.LAST_SEQUENCE, seq)
                .onConflict(PERIODS_PERIOD.PERIOD).doUpdate()
                .set(PERIODS_PERIOD.STATUS, "CLOSED")
                .set(PERIODS_PERIOD.CLOSED_AT, utc(event.closedAt()))
                .set(PERIODS_PERIOD.CLOSED_BY, event.closedBy())
                .set(PERIODS_PERIOD.CHECKS, String.join(",", event.checks()))
                .set(PERIODS_PERIOD.DAYS_TO_CLOSE, DaysToClose.of(event.periodEnd(), event.closedAt()))
                .set(PERIODS_PERIOD.TIMES_CLOSED, PERIODS_PERIOD.TIMES_CLOSED.plus(1))
                .set(PERIODS_PERIOD.LAST_SEQUENCE, seq)
                .where(PERIODS_PERIOD.LAST_SEQUENCE.lt(seq))
                .execute());
    }

    @EventHandler
    void on(PeriodReopened event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (dsl.update(PERIODS_PERIOD)
                    .set(PERIODS_PERIOD.STATUS, "OPEN")
                    .set(PERIODS_PERIOD.REOPENED_AT, utc(event.reopenedAt()))
                    .set(PERIODS_PERIOD.REOPENED_BY, event.reopenedBy())
                    .set(PERIODS_PERIOD.REOPEN_REASON, event.reason())
                    .set(PERIODS_PERIOD.LAST_SEQUENCE, seq)
                    .where(PERIODS_PERIOD.PERIOD.eq(event.period()))
                    .and(PERIODS_PERIOD.LAST_SEQUENCE.lt(seq))
                    .execute() == 0
                    && !dsl.fetchExists(PERIODS_PERIOD, PERIODS_PERIOD.PERIOD.eq(event.period()))) {
                throw new IllegalStateException("Period " + event.period() + " was reopened but never closed in the "
                        + "periods read model");
            }
        });
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /** Every PeriodEvent type, applied by a handler above. */
    static EventUse use(PeriodEvent event) {
        return switch (event) {
            case PeriodClosed e -> APPLIED;
            case PeriodReopened e -> APPLIED;
        };
    }
}
