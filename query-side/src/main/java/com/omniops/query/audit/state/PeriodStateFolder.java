package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.period.PeriodClosed;
import com.omniops.events.period.PeriodEvent;
import com.omniops.events.period.PeriodReopened;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** AccountingPeriod: open or closed, with every close and reopening (who, when, why). */
@Component
public class PeriodStateFolder implements AuditStateFolder<PeriodStateFolder.PeriodState, PeriodEvent> {

    @Override
    public String aggregateType() {
        return "AccountingPeriod";
    }

    @Override
    public PeriodState initial(String aggregateId) {
        return new PeriodState(aggregateId);
    }

    @Override
    public Class<PeriodEvent> events() {
        return PeriodEvent.class;
    }

    @Override
    public void fold(PeriodState s, PeriodEvent event) {
        switch (event) {
            case PeriodClosed e -> {
                s.status = "CLOSED";
                s.history.add(new Change("CLOSED", e.closedBy(), null, e.closedAt()));
            }
            case PeriodReopened e -> {
                s.status = "OPEN";
                s.history.add(new Change("REOPENED", e.reopenedBy(), e.reason(), e.reopenedAt()));
            }
        }
    }

    public record Change(String change, String by, String reason, Instant at) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class PeriodState {
        private final String period;
        private String status = "OPEN";
        private final List<Change> history = new ArrayList<>();

        PeriodState(String period) {
            this.period = period;
        }

        public String status() {
            return status;
        }
    }
}
