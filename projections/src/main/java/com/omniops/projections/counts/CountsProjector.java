package com.omniops.projections.counts;

import static com.omniops.projections.jooq.Tables.COUNTS_COUNT;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.stock.CountApprovalReason;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.time.Instant;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "counts": every cycle count with its variance and value, APPLIED at once, PENDING approval, then APPLIED
 * or REJECTED. A count's row keeps the stock item's sequence number of the last event applied to it.
 */
@Component
@ProcessingGroup(CountsProjector.PROCESSING_GROUP)
public class CountsProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "counts";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, CountsProjector::new,
            COUNTS_COUNT);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public CountsProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(StockCounted event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(COUNTS_COUNT)
                .set(COUNTS_COUNT.COUNT_ID, event.countId())
                .set(COUNTS_COUNT.WAREHOUSE_ID, event.warehouseId())
                .set(COUNTS_COUNT.SKU, event.sku())
                .set(COUNTS_COUNT.STATUS, event.awaitingApproval() ? "PENDING" : "APPLIED")
                .set(COUNTS_COUNT.BOOK_QUANTITY, event.bookQuantity())
                .set(COUNTS_COUNT.COUNTED_QUANTITY, event.countedQuantity())
                .set(COUNTS_COUNT.VARIANCE, event.variance())
                .set(COUNTS_COUNT.WITHIN_TOLERANCE, event.withinTolerance())
                .set(COUNTS_COUNT.UNIT_COST, event.unitCost().amount())
                .set(COUNTS_COUNT.VARIANCE_VALUE, event.varianceValue().amount())
                .set(COUNTS_COUNT.CURRENCY, event.varianceValue().currency())
                .set(COUNTS_COUNT.APPROVAL_REASONS, event.approvalReasons().stream().map(CountApprovalReason::name)
                        .collect(Collectors.joining(",")))
                .set(COUNTS_COUNT.COUNTED_BY, event.countedBy())
                .set(COUNTS_COUNT.NOTE, event.note())
                .set(COUNTS_COUNT.COUNTED_AT, utc(event.countedAt()))
                .set(COUNTS_COUNT.LAST_SEQUENCE, seq)
                .onConflictDoNothing()
                .execute());
    }

    @EventHandler
    void on(StockCountApproved event, @SequenceNumber long seq) {
        isolated.run(() -> decide(event.countId(), "APPLIED", event.approvedBy(), event.note(), event.approvedAt(),
                seq));
    }

    @EventHandler
    void on(StockCountRejected event, @SequenceNumber long seq) {
        isolated.run(() -> decide(event.countId(), "REJECTED", event.rejectedBy(), event.reason(), event.rejectedAt(),
                seq));
    }

    private void decide(String countId, String status, String by, String note, Instant at, long seq) {
        int updated = dsl.update(COUNTS_COUNT)
                .set(COUNTS_COUNT.STATUS, status)
                .set(COUNTS_COUNT.DECIDED_BY, by)
                .set(COUNTS_COUNT.DECISION_NOTE, note)
                .set(COUNTS_COUNT.DECIDED_AT, utc(at))
                .set(COUNTS_COUNT.LAST_SEQUENCE, seq)
                .where(COUNTS_COUNT.COUNT_ID.eq(countId))
                .and(COUNTS_COUNT.LAST_SEQUENCE.lt(seq))
                .execute();
        if (updated == 0 && !dsl.fetchExists(COUNTS_COUNT, COUNTS_COUNT.COUNT_ID.eq(countId))) {
            throw new IllegalStateException("Count " + countId + " is not in the counts read model");
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

    /** Every StockItemEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> ignored("not a count: the counts read model lists counts and their approval");
            case StockReserved e -> ignored("not a count: the counts read model lists counts and their approval");
            case StockReservationReleased e -> ignored("not a count: the counts read model lists counts and their "
                    + "approval");
            case StockIssued e -> ignored("not a count: the counts read model lists counts and their approval");
            case StockAdjusted e -> ignored("not a count: the counts read model lists counts and their approval");
            case StockReturned e -> ignored("not a count: the counts read model lists counts and their approval");
            case StockReleasedFromHold e -> ignored("not a count: the counts read model lists counts and their "
                    + "approval");
            case HeldStockWrittenOff e -> ignored("not a count: the counts read model lists counts and their approval");
            case StockTransferredOut e -> ignored("not a count: the counts read model lists counts and their approval");
            case StockCounted e -> APPLIED;
            case StockCountApproved e -> APPLIED;
            case StockCountRejected e -> APPLIED;
        };
    }
}
