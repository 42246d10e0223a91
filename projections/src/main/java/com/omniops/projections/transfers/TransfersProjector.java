package com.omniops.projections.transfers;

import static com.omniops.projections.jooq.Tables.TRANSFERS_LINE;
import static com.omniops.projections.jooq.Tables.TRANSFERS_TRANSFER;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;

import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferEvent;
import com.omniops.events.transfer.TransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
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
 * Read model "transfers": each transfer with its status and, per line, units requested, shipped and received
 * (in transit = shipped − received). The transfer row's {@code last_sequence} guards every write: an event changes the
 * transfer and its lines only when it advances that row.
 */
@Component
@ProcessingGroup(TransfersProjector.PROCESSING_GROUP)
public class TransfersProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "transfers";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, TransfersProjector::new,
            TRANSFERS_LINE, TRANSFERS_TRANSFER);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public TransfersProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(TransferRequested event, @SequenceNumber long seq) {
        isolated.run(() -> {
            int inserted = dsl.insertInto(TRANSFERS_TRANSFER)
                    .set(TRANSFERS_TRANSFER.TRANSFER_ID, event.transferId())
                    .set(TRANSFERS_TRANSFER.FROM_WAREHOUSE_ID, event.fromWarehouseId())
                    .set(TRANSFERS_TRANSFER.TO_WAREHOUSE_ID, event.toWarehouseId())
                    .set(TRANSFERS_TRANSFER.STATUS, "REQUESTED")
                    .set(TRANSFERS_TRANSFER.NOTE, event.note())
                    .set(TRANSFERS_TRANSFER.REQUESTED_AT, utc(event.requestedAt()))
                    .set(TRANSFERS_TRANSFER.LAST_SEQUENCE, seq)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                return;
            }
            for (TransferLine line : event.lines()) {
                dsl.insertInto(TRANSFERS_LINE)
                        .set(TRANSFERS_LINE.TRANSFER_ID, event.transferId())
                        .set(TRANSFERS_LINE.LINE_NO, line.lineNo())
                        .set(TRANSFERS_LINE.SKU, line.sku())
                        .set(TRANSFERS_LINE.REQUESTED, line.quantity())
                        .execute();
            }
        });
    }

    @EventHandler
    void on(TransferCancelled event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (dsl.update(TRANSFERS_TRANSFER)
                    .set(TRANSFERS_TRANSFER.STATUS, "CANCELLED")
                    .set(TRANSFERS_TRANSFER.CANCELLED_AT, utc(event.cancelledAt()))
                    .set(TRANSFERS_TRANSFER.CANCEL_REASON, event.reason())
                    .set(TRANSFERS_TRANSFER.LAST_SEQUENCE, seq)
                    .where(TRANSFERS_TRANSFER.TRANSFER_ID.eq(event.transferId()))
                    .and(TRANSFERS_TRANSFER.LAST_SEQUENCE.lt(seq))
                    .execute() == 0) {
                requireKnown(event.transferId());
            }
        });
    }

    @EventHandler
    void on(TransferShipped event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (dsl.update(TRANSFERS_TRANSFER)
                    .set(TRANSFERS_TRANSFER.STATUS, "IN_TRANSIT")
                    .set(TRANSFERS_TRANSFER.SHIPPED_AT, utc(event.shippedAt()))
                    .set(TRANSFERS_TRANSFER.CARRIER, event.carrier())
                    .set(TRANSFERS_TRANSFER.TRACKING_NUMBER, event.trackingNumber())
                    .set(TRANSFERS_TRANSFER.LAST_SEQUENCE, seq)
                    .where(TRANSFERS_TRANSFER.TRANSFER_ID.eq(event.transferId()))
                    .and(TRANSFERS_TRANSFER.LAST_SEQUENCE.lt(seq))
                    .execute() == 0) {
                requireKnown(event.transferId());
                return;
            }
            for (ShippedTransferLine line : event.lines()) {
                dsl.update(TRANSFERS_LINE)
                        .set(TRANSFERS_LINE.SHIPPED, line.quantity())
                        .set(TRANSFERS_LINE.UNIT_COST, line.unitCost().amount())
                        .set(TRANSFERS_LINE.CURRENCY, line.unitCost().currency())
                        .where(TRANSFERS_LINE.TRANSFER_ID.eq(event.transferId()))
                        .and(TRANSFERS_LINE.LINE_NO.eq(line.lineNo()))
                        .execute();
            }
        });
    }

    @EventHandler
    void on(TransferReceived event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (dsl.update(TRANSFERS_TRANSFER)
                    .set(TRANSFERS_TRANSFER.STATUS, event.complete() ? "RECEIVED" : "PARTIALLY_RECEIVED")
                    .set(TRANSFERS_TRANSFER.LAST_RECEIVED_AT, utc(event.receivedAt()))
                    .set(TRANSFERS_TRANSFER.LAST_SEQUENCE, seq)
                    .where(TRANSFERS_TRANSFER.TRANSFER_ID.eq(event.transferId()))
                    .and(TRANSFERS_TRANSFER.LAST_SEQUENCE.lt(seq))
                    .execute() == 0) {
                requireKnown(event.transferId());
                return;
            }
            for (ReceivedTransferLine line : event.lines()) {
                dsl.update(TRANSFERS_LINE)
                        .set(TRANSFERS_LINE.RECEIVED, line.receivedAfter())
                        .where(TRANSFERS_LINE.TRANSFER_ID.eq(event.transferId()))
                        .and(TRANSFERS_LINE.LINE_NO.eq(line.lineNo()))
                        .execute();
            }
        });
    }

    /** An event applied before is fine; one for a transfer never requested is an error (dead-lettered). */
    private void requireKnown(String transferId) {
        if (!dsl.fetchExists(TRANSFERS_TRANSFER, TRANSFERS_TRANSFER.TRANSFER_ID.eq(transferId))) {
            throw new IllegalStateException("Transfer " + transferId + " is not in the transfers read model");
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

    /** Every TransferEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(TransferEvent event) {
        return switch (event) {
            case TransferRequested e -> APPLIED;
            case TransferCancelled e -> APPLIED;
            case TransferShipped e -> APPLIED;
            case TransferReceived e -> APPLIED;
        };
    }
}
