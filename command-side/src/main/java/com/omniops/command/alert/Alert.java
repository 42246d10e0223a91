package com.omniops.command.alert;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.StreamIds;
import com.omniops.events.alert.AlertAcknowledged;
import com.omniops.events.alert.AlertRaised;
import com.omniops.events.alert.AlertResolved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One exception that needs attention, per type and subject (its id, {@link StreamIds#alertId}), so a rule that
 * keeps holding never raises it twice: open from raised to resolved, acknowledged on the way by whoever takes it on.
 * Raised again after it was resolved, it starts a new occurrence with a fresh acknowledgement. Policies raise and
 * resolve it automatically; users acknowledge it and may resolve it by hand (docs/kpis.md "Exception alerts").
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Alert {

    @AggregateIdentifier
    private String streamId;
    private String alertId;
    private int occurrence;
    private boolean open;
    private String acknowledgedBy;

    protected Alert() {
    }

    /** True when the alert was raised now, false when it was open already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RaiseAlert command, Clock clock) {
        if (open) {
            return false;
        }
        apply(new AlertRaised(command.alertId(), occurrence + 1, command.type(), command.channelId(), command.sku(),
                command.orderId(), command.summary(), command.measured(), command.threshold(), clock.instant()));
        return true;
    }

    @CommandHandler
    public void handle(AcknowledgeAlert command, Clock clock) {
        require(open, ErrorCode.ALERT_NOT_OPEN, "Alert " + alertId + " is resolved; there is nothing to acknowledge.");
        require(acknowledgedBy == null, ErrorCode.ALERT_ALREADY_ACKNOWLEDGED,
                "Alert " + alertId + " was acknowledged by " + acknowledgedBy + " already.");
        apply(new AlertAcknowledged(alertId, occurrence, command.acknowledgedBy(), command.note(), clock.instant()));
    }

    /** True when the alert was resolved now; false for an automatic resolution of an alert that is not open. */
    @CommandHandler
    public boolean handle(ResolveAlert command, Clock clock) {
        if (!open && command.automatic()) {
            return false;
        }
        require(open, ErrorCode.ALERT_NOT_OPEN, "Alert " + alertId + " is resolved already.");
        apply(new AlertResolved(alertId, occurrence, command.automatic(), command.resolvedBy(), command.reason(),
                clock.instant()));
        return true;
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        streamId = StreamIds.alert(event.alertId());
        alertId = event.alertId();
        occurrence = event.occurrence();
        open = true;
        acknowledgedBy = null;
    }

    @EventSourcingHandler
    void on(AlertAcknowledged event) {
        acknowledgedBy = event.acknowledgedBy();
    }

    @EventSourcingHandler
    void on(AlertResolved event) {
        open = false;
    }
}
