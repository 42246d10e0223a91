package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.alert.AlertAcknowledged;
import com.omniops.events.alert.AlertEvent;
import com.omniops.events.alert.AlertRaised;
import com.omniops.events.alert.AlertResolved;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alert: open, acknowledged or resolved, with every occurrence's raising, acknowledgement and resolution. */
@Component
public class AlertStateFolder implements AuditStateFolder<AlertStateFolder.AlertState, AlertEvent> {

    @Override
    public String aggregateType() {
        return "Alert";
    }

    @Override
    public AlertState initial(String aggregateId) {
        return new AlertState(aggregateId);
    }

    @Override
    public Class<AlertEvent> events() {
        return AlertEvent.class;
    }

    @Override
    public void fold(AlertState s, AlertEvent event) {
        switch (event) {
            case AlertRaised e -> {
                s.status = "OPEN";
                s.occurrence = e.occurrence();
                s.type = e.type().name();
                s.summary = e.summary();
                s.history.add(new Change(e.occurrence(), "RAISED", "system", e.summary(), e.raisedAt()));
            }
            case AlertAcknowledged e -> {
                s.status = "ACKNOWLEDGED";
                s.history.add(new Change(e.occurrence(), "ACKNOWLEDGED", e.acknowledgedBy(), e.note(),
                        e.acknowledgedAt()));
            }
            case AlertResolved e -> {
                s.status = "RESOLVED";
                s.history.add(new Change(e.occurrence(), e.automatic() ? "RESOLVED_AUTOMATICALLY" : "RESOLVED",
                        e.resolvedBy(), e.reason(), e.resolvedAt()));
            }
        }
    }

    public record Change(int occurrence, String change, String by, String detail, Instant at) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class AlertState {
        private final String streamId;
        private String type;
        private String status = "NONE";
        private int occurrence;
        private String summary;
        private final List<Change> history = new ArrayList<>();

        AlertState(String streamId) {
            this.streamId = streamId;
        }

        public String status() {
            return status;
        }
    }
}
