package com.omniops.projections.returns;

import static com.omniops.projections.jooq.Tables.RETURNS_DISPOSITION;
import static com.omniops.projections.jooq.Tables.RETURNS_LINE;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "returns": every returned order line with its reason code, where it was received and, once inspected,
 * the condition and disposition of its units. Rows keep the order's sequence number of the last event applied to
 * them; an event at or below it was applied already (replay and redelivery are harmless).
 */
@Component
@ProcessingGroup(ReturnsProjector.PROCESSING_GROUP)
public class ReturnsProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "returns";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, ReturnsProjector::new,
            RETURNS_DISPOSITION, RETURNS_LINE);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public ReturnsProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(ReturnRequested event, @SequenceNumber long seq) {
        isolated.run(() -> {
            for (ReturnLine line : event.lines()) {
                dsl.insertInto(RETURNS_LINE)
                        .set(RETURNS_LINE.RETURN_ID, event.returnId())
                        .set(RETURNS_LINE.LINE_NO, line.lineNo())
                        .set(RETURNS_LINE.ORDER_ID, event.orderId())
                        .set(RETURNS_LINE.SKU, line.sku())
                        .set(RETURNS_LINE.QUANTITY, line.quantity())
                        .set(RETURNS_LINE.REASON, line.reason().name())
                        .set(RETURNS_LINE.NOTE, line.note())
                        .set(RETURNS_LINE.STATUS, "REQUESTED")
                        .set(RETURNS_LINE.REQUESTED_AT, utc(event.requestedAt()))
                        .set(RETURNS_LINE.LAST_SEQUENCE, seq)
                        .onConflictDoNothing()
                        .execute();
            }
        });
    }

    @EventHandler
    void on(ReturnReceived event, @SequenceNumber long seq) {
        isolated.run(() -> requireReturn(event.returnId(), dsl.update(RETURNS_LINE)
                .set(RETURNS_LINE.STATUS, "RECEIVED")
                .set(RETURNS_LINE.WAREHOUSE_ID, event.warehouseId())
                .set(RETURNS_LINE.RECEIVED_AT, utc(event.receivedAt()))
                .set(RETURNS_LINE.LAST_SEQUENCE, seq)
                .where(RETURNS_LINE.RETURN_ID.eq(event.returnId()))
                .and(RETURNS_LINE.LAST_SEQUENCE.lt(seq))
                .execute(), seq));
    }

    @EventHandler
    void on(ReturnInspected event, @SequenceNumber long seq) {
        isolated.run(() -> {
            int updated = dsl.update(RETURNS_LINE)
                    .set(RETURNS_LINE.STATUS, "INSPECTED")
                    .set(RETURNS_LINE.INSPECTED_AT, utc(event.inspectedAt()))
                    .set(RETURNS_LINE.LAST_SEQUENCE, seq)
                    .where(RETURNS_LINE.RETURN_ID.eq(event.returnId()))
                    .and(RETURNS_LINE.LAST_SEQUENCE.lt(seq))
                    .execute();
            if (!requireReturn(event.returnId(), updated, seq)) {
                return;
            }
            Map<Integer, Integer> entries = new HashMap<>();
            for (InspectedLine line : event.lines()) {
                int entryNo = entries.merge(line.lineNo(), 1, Integer::sum);
                dsl.insertInto(RETURNS_DISPOSITION)
                        .set(RETURNS_DISPOSITION.RETURN_ID, event.returnId())
                        .set(RETURNS_DISPOSITION.LINE_NO, line.lineNo())
                        .set(RETURNS_DISPOSITION.ENTRY_NO, entryNo)
                        .set(RETURNS_DISPOSITION.QUANTITY, line.quantity())
                        .set(RETURNS_DISPOSITION.ITEM_CONDITION, line.condition().name())
                        .set(RETURNS_DISPOSITION.DISPOSITION, line.disposition().name())
                        .onConflictDoNothing()
                        .execute();
            }
        });
    }

    /** True when rows changed; false when the event was applied before; an unknown return is an error. */
    private boolean requireReturn(String returnId, int updated, long seq) {
        if (updated > 0) {
            return true;
        }
        if (!dsl.fetchExists(RETURNS_LINE, RETURNS_LINE.RETURN_ID.eq(returnId))) {
            throw new IllegalStateException("Return " + returnId + " is not in the returns read model (event " + seq
                    + " arrived before ReturnRequested was applied)");
        }
        return false;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /** Every OrderEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> ignored("not a return: the returns read model follows return requests, receipts "
                    + "and inspections only");
            case OrderCancelled e -> ignored("not a return: the returns read model follows return requests, receipts "
                    + "and inspections only");
            case OrderShipped e -> ignored("not a return: the returns read model follows return requests, receipts "
                    + "and inspections only");
            case OrderDelivered e -> ignored("not a return: the returns read model follows return requests, receipts "
                    + "and inspections only");
            case PaymentCaptured e -> ignored("not a return: the returns read model follows return requests, "
                    + "receipts and inspections only");
            case OrderFeeRecorded e -> ignored("not a return: the returns read model follows return requests, "
                    + "receipts and inspections only");
            case ReturnRequested e -> APPLIED;
            case ReturnReceived e -> APPLIED;
            case ReturnInspected e -> APPLIED;
            case OrderRefundEarmarked e -> ignored("not a return: the returns read model follows return requests, "
                    + "receipts and inspections only");
            case OrderRefundApproved e -> ignored("not a return: the returns read model follows return requests, "
                    + "receipts and inspections only");
            case OrderRefundReleased e -> ignored("not a return: the returns read model follows return requests, "
                    + "receipts and inspections only");
            case OrderRefunded e -> ignored("not a return: the returns read model follows return requests, receipts "
                    + "and inspections only");
            case BackorderAllocated e -> ignored("not a return: the returns read model follows return requests, "
                    + "receipts and inspections only");
            case OrderPicked e -> ignored("not a return: the returns read model follows return requests, receipts "
                    + "and inspections only");
            case OrderPacked e -> ignored("not a return: the returns read model follows return requests, receipts "
                    + "and inspections only");
            case OrderShipmentOverdue e -> ignored("not a return: the returns read model follows return requests, "
                    + "receipts and inspections only");
        };
    }
}
