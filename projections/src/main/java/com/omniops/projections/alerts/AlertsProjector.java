package com.omniops.projections.alerts;

import static com.omniops.projections.jooq.Tables.ALERTS_ALERT;
import static com.omniops.projections.support.Columns.globalIndex;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;

import com.omniops.events.alert.AlertAcknowledged;
import com.omniops.events.alert.AlertEvent;
import com.omniops.events.alert.AlertRaised;
import com.omniops.events.alert.AlertResolved;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "alerts": each alert in its latest occurrence — open, acknowledged or resolved, by whom, when and why
 * (docs/kpis.md "Exception alerts"). {@code last_sequence} (the alert stream's sequence) guards every write;
 * {@code change_no} is the global index of the event that last changed the row, the cursor of the live stream. One
 * segment, so rows change in stream order and a cursor never skips a change.
 */
@Component
@ProcessingGroup(AlertsProjector.PROCESSING_GROUP)
public class AlertsProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "alerts";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, AlertsProjector::new, ALERTS_ALERT);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public AlertsProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    /** A new occurrence replaces the previous one's acknowledgement and resolution. */
    @EventHandler
    void on(AlertRaised event, @SequenceNumber long seq, EventMessage<?> message) {
        long change = globalIndex(message);
        isolated.run(() -> dsl.insertInto(ALERTS_ALERT)
                .set(ALERTS_ALERT.ALERT_ID, event.alertId())
                .set(ALERTS_ALERT.TYPE, event.type().name())
                .set(ALERTS_ALERT.STATUS, AlertStatus.OPEN.name())
                .set(ALERTS_ALERT.OCCURRENCE, event.occurrence())
                .set(ALERTS_ALERT.CHANNEL_ID, event.channelId())
                .set(ALERTS_ALERT.SKU, event.sku())
                .set(ALERTS_ALERT.ORDER_ID, event.orderId())
                .set(ALERTS_ALERT.SUMMARY, event.summary())
                .set(ALERTS_ALERT.MEASURED, event.measured())
                .set(ALERTS_ALERT.THRESHOLD, event.threshold())
                .set(ALERTS_ALERT.RAISED_AT, utc(event.raisedAt()))
                .set(ALERTS_ALERT.LAST_SEQUENCE, seq)
                .set(ALERTS_ALERT.CHANGE_NO, change)
                .onConflict(ALERTS_ALERT.ALERT_ID).doUpdate()
                .set(ALERTS_ALERT.STATUS, AlertStatus.OPEN.name())
                .set(ALERTS_ALERT.OCCURRENCE, event.occurrence())
                .set(ALERTS_ALERT.SUMMARY, event.summary())
                .set(ALERTS_ALERT.MEASURED, event.measured())
                .set(ALERTS_ALERT.THRESHOLD, event.threshold())
                .set(ALERTS_ALERT.RAISED_AT, utc(event.raisedAt()))
                .setNull(ALERTS_ALERT.ACKNOWLEDGED_BY)
                .setNull(ALERTS_ALERT.ACKNOWLEDGED_AT)
                .setNull(ALERTS_ALERT.ACKNOWLEDGE_NOTE)
                .setNull(ALERTS_ALERT.RESOLVED_AT)
                .setNull(ALERTS_ALERT.RESOLVED_BY)
                .setNull(ALERTS_ALERT.RESOLVED_AUTOMATIC)
                .setNull(ALERTS_ALERT.RESOLUTION_REASON)
                .set(ALERTS_ALERT.LAST_SEQUENCE, seq)
                .set(ALERTS_ALERT.CHANGE_NO, change)
                .where(ALERTS_ALERT.LAST_SEQUENCE.lt(seq))
                .execute());
    }

    @EventHandler
    void on(AlertAcknowledged event, @SequenceNumber long seq, EventMessage<?> message) {
        long change = globalIndex(message);
        isolated.run(() -> requireRow(event, dsl.update(ALERTS_ALERT)
                .set(ALERTS_ALERT.STATUS, AlertStatus.ACKNOWLEDGED.name())
                .set(ALERTS_ALERT.ACKNOWLEDGED_BY, event.acknowledgedBy())
                .set(ALERTS_ALERT.ACKNOWLEDGED_AT, utc(event.acknowledgedAt()))
                .set(ALERTS_ALERT.ACKNOWLEDGE_NOTE, event.note())
                .set(ALERTS_ALERT.LAST_SEQUENCE, seq)
                .set(ALERTS_ALERT.CHANGE_NO, change)
                .where(ALERTS_ALERT.ALERT_ID.eq(event.alertId()))
                .and(ALERTS_ALERT.LAST_SEQUENCE.lt(seq))
                .execute()));
    }

    @EventHandler
    void on(AlertResolved event, @SequenceNumber long seq, EventMessage<?> message) {
        long change = globalIndex(message);
        isolated.run(() -> requireRow(event, dsl.update(ALERTS_ALERT)
                .set(ALERTS_ALERT.STATUS, AlertStatus.RESOLVED.name())
                .set(ALERTS_ALERT.RESOLVED_AT, utc(event.resolvedAt()))
                .set(ALERTS_ALERT.RESOLVED_BY, event.resolvedBy())
                .set(ALERTS_ALERT.RESOLVED_AUTOMATIC, event.automatic())
                .set(ALERTS_ALERT.RESOLUTION_REASON, event.reason())
                .set(ALERTS_ALERT.LAST_SEQUENCE, seq)
                .set(ALERTS_ALERT.CHANGE_NO, change)
                .where(ALERTS_ALERT.ALERT_ID.eq(event.alertId()))
                .and(ALERTS_ALERT.LAST_SEQUENCE.lt(seq))
                .execute()));
    }

    /** Nothing updated is fine for a redelivered event; an alert that was never raised is a broken stream. */
    private void requireRow(AlertEvent event, int updated) {
        if (updated == 0 && !dsl.fetchExists(ALERTS_ALERT, ALERTS_ALERT.ALERT_ID.eq(event.alertId()))) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " for alert " + event.alertId()
                    + ", which the alerts read model never saw raised");
        }
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /** Every AlertEvent type, applied by a handler above. */
    static EventUse use(AlertEvent event) {
        return switch (event) {
            case AlertRaised e -> APPLIED;
            case AlertAcknowledged e -> APPLIED;
            case AlertResolved e -> APPLIED;
        };
    }
}
