package com.omniops.projections.refunds;

import static com.omniops.projections.jooq.Tables.REFUNDS_REFUND;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;

import com.omniops.events.refund.RefundApproved;
import com.omniops.events.refund.RefundEvent;
import com.omniops.events.refund.RefundIssueFailed;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundRejected;
import com.omniops.events.refund.RefundRequested;
import com.omniops.projections.jooq.tables.records.RefundsRefundRecord;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.springframework.stereotype.Component;

/**
 * Read model "refunds": one row per refund with its status (REQUESTED, APPROVED, ISSUED, FAILED, REJECTED) for
 * finance's work lists. The row's {@code last_sequence} (the refund's sequence number) makes every write idempotent.
 */
@Component
@ProcessingGroup(RefundsProjector.PROCESSING_GROUP)
public class RefundsProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "refunds";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, RefundsProjector::new,
            REFUNDS_REFUND);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public RefundsProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(RefundRequested event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(REFUNDS_REFUND)
                .set(REFUNDS_REFUND.REFUND_ID, event.refundId())
                .set(REFUNDS_REFUND.ORDER_ID, event.orderId())
                .set(REFUNDS_REFUND.AMOUNT, event.amount().amount())
                .set(REFUNDS_REFUND.CURRENCY, event.amount().currency())
                .set(REFUNDS_REFUND.SOURCE, event.source().name())
                .set(REFUNDS_REFUND.REASON, event.reason())
                .set(REFUNDS_REFUND.RETURN_ID, event.returnId())
                .set(REFUNDS_REFUND.STATUS, "REQUESTED")
                .set(REFUNDS_REFUND.AUTOMATIC, false)
                .set(REFUNDS_REFUND.ATTEMPTS, 0)
                .set(REFUNDS_REFUND.REQUESTED_AT, utc(event.requestedAt()))
                .set(REFUNDS_REFUND.LAST_SEQUENCE, seq)
                .onConflictDoNothing()
                .execute());
    }

    @EventHandler
    void on(RefundApproved event, @SequenceNumber long seq) {
        isolated.run(() -> apply(event.refundId(), seq, status("APPROVED", seq)
                .set(REFUNDS_REFUND.AUTOMATIC, event.automatic())
                .set(REFUNDS_REFUND.APPROVED_BY, event.approvedBy())
                .set(REFUNDS_REFUND.DECIDED_AT, utc(event.approvedAt()))));
    }

    @EventHandler
    void on(RefundRejected event, @SequenceNumber long seq) {
        isolated.run(() -> apply(event.refundId(), seq, status("REJECTED", seq)
                .set(REFUNDS_REFUND.REJECTED_BY, event.rejectedBy())
                .set(REFUNDS_REFUND.REJECTION_REASON, event.reason())
                .set(REFUNDS_REFUND.DECIDED_AT, utc(event.rejectedAt()))));
    }

    @EventHandler
    void on(RefundIssued event, @SequenceNumber long seq) {
        isolated.run(() -> apply(event.refundId(), seq, status("ISSUED", seq)
                .set(REFUNDS_REFUND.PAYMENT_REFERENCE, event.paymentReference())
                .set(REFUNDS_REFUND.ATTEMPTS, event.attempt())
                .set(REFUNDS_REFUND.ISSUED_AT, utc(event.issuedAt()))));
    }

    @EventHandler
    void on(RefundIssueFailed event, @SequenceNumber long seq) {
        isolated.run(() -> apply(event.refundId(), seq, status("FAILED", seq)
                .set(REFUNDS_REFUND.ATTEMPTS, event.attempt())
                .set(REFUNDS_REFUND.LAST_FAILURE, event.reason())));
    }

    private UpdateSetMoreStep<RefundsRefundRecord> status(String status, long seq) {
        return dsl.update(REFUNDS_REFUND)
                .set(REFUNDS_REFUND.STATUS, status)
                .set(REFUNDS_REFUND.LAST_SEQUENCE, seq);
    }

    /** Applies the update unless the event was applied before; a refund never requested is an error. */
    private void apply(String refundId, long seq, UpdateSetMoreStep<RefundsRefundRecord> update) {
        int updated = update.where(REFUNDS_REFUND.REFUND_ID.eq(refundId))
                .and(REFUNDS_REFUND.LAST_SEQUENCE.lt(seq))
                .execute();
        if (updated == 0 && !dsl.fetchExists(REFUNDS_REFUND, REFUNDS_REFUND.REFUND_ID.eq(refundId))) {
            throw new IllegalStateException("Refund " + refundId + " is not in the refunds read model");
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

    /** Every RefundEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(RefundEvent event) {
        return switch (event) {
            case RefundRequested e -> APPLIED;
            case RefundApproved e -> APPLIED;
            case RefundRejected e -> APPLIED;
            case RefundIssued e -> APPLIED;
            case RefundIssueFailed e -> APPLIED;
        };
    }
}
