package com.omniops.projections.demand;

import static com.omniops.projections.jooq.Tables.DEMAND_DAILY;
import static com.omniops.projections.jooq.Tables.DEMAND_STOCK_ITEM;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

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
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ProjectionWrites.Statement;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "demand": units shipped (StockIssued, by the UTC date of {@code issuedAt}) and units reserved
 * (StockReserved, by the UTC date of {@code reservedAt}) per SKU, warehouse and day. Receipts and adjustments only
 * register the stock item, so the query side knows the SKU exists before it has any demand.
 * <p>
 * Idempotency: the stock item's row keeps the sequence number of the last of its events applied here. Each handler
 * first moves it forward; an event at or below it was applied already and adds nothing (a day collects many events
 * of one stock item, so the day row cannot tell by itself). The guard and the day row change in one statement
 * ({@code ADVANCE_AND_ADD}), so a processor batch can queue every event's statement and execute them together
 * ({@link ProjectionWrites}).
 */
@Component
@ProcessingGroup(DemandProjector.PROCESSING_GROUP)
public class DemandProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "demand";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, DemandProjector::new,
            DEMAND_DAILY, DEMAND_STOCK_ITEM);

    /**
     * Moves the stock item's position to the event's sequence number (registering the item on its first event); an
     * event at or below it was applied already. Binds: stock item, SKU, warehouse, sequence number.
     */
    private static final String ADVANCE = """
            INSERT INTO demand_stock_item (stock_item_id, sku, warehouse_id, last_sequence)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (stock_item_id) DO UPDATE SET last_sequence = excluded.last_sequence
            WHERE demand_stock_item.last_sequence < excluded.last_sequence""";

    /**
     * {@link #ADVANCE} and, only when it moved the position (the event is new), the event's units added to its day:
     * the guard and the addition in one statement, so a batch can queue it. Binds: those of ADVANCE, then SKU,
     * warehouse, day, shipped units, reserved units.
     */
    private static final String ADVANCE_AND_ADD = """
            WITH moved AS (
                INSERT INTO demand_stock_item (stock_item_id, sku, warehouse_id, last_sequence)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (stock_item_id) DO UPDATE SET last_sequence = excluded.last_sequence
                WHERE demand_stock_item.last_sequence < excluded.last_sequence
                RETURNING 1)
            INSERT INTO demand_daily (sku, warehouse_id, demand_date, shipped_units, reserved_units)
            SELECT ?, ?, ?, ?, ? FROM moved
            ON CONFLICT (sku, warehouse_id, demand_date) DO UPDATE
            SET shipped_units = demand_daily.shipped_units + excluded.shipped_units,
                reserved_units = demand_daily.reserved_units + excluded.reserved_units""";

    private final DSLContext dsl;
    private final ProjectionWrites writes;

    public DemandProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.writes = new ProjectionWrites(dsl, isolated);
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long seq) {
        writes.apply(advance(event, seq));
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long seq) {
        writes.apply(advance(event, seq));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long seq) {
        writes.apply(advanceAndAdd(event, seq, event.reservedAt(), 0, event.quantity()));
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long seq) {
        writes.apply(advanceAndAdd(event, seq, event.issuedAt(), event.quantity(), 0));
    }

    private static Statement advance(StockItemEvent event, long seq) {
        return new Statement(ADVANCE, event.stockItemId(), event.sku(), event.warehouseId(), seq);
    }

    private static Statement advanceAndAdd(StockItemEvent event, long seq, Instant at, int shipped, int reserved) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new Statement(ADVANCE_AND_ADD, event.stockItemId(), event.sku(), event.warehouseId(), seq,
                event.sku(), event.warehouseId(), day, shipped, reserved);
    }

    /** How this projector writes (batched per processor batch, or event by event); for operations and tests. */
    public ProjectionWrites writes() {
        return writes;
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        writes.reset();
        READ_MODEL.clear(dsl);
    }

    /** Every StockItemEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> APPLIED;
            case StockReserved e -> APPLIED;
            case StockReservationReleased e -> ignored("demand is units reserved and shipped; receipts and "
                    + "adjustments only register the stock item, and this event is neither");
            case StockIssued e -> APPLIED;
            case StockAdjusted e -> APPLIED;
            case StockReturned e -> ignored("demand is units reserved and shipped; receipts and adjustments only "
                    + "register the stock item, and this event is neither");
            case StockReleasedFromHold e -> ignored("demand is units reserved and shipped; receipts and adjustments "
                    + "only register the stock item, and this event is neither");
            case HeldStockWrittenOff e -> ignored("demand is units reserved and shipped; receipts and adjustments "
                    + "only register the stock item, and this event is neither");
            case StockTransferredOut e -> ignored("demand is units reserved and shipped; receipts and adjustments "
                    + "only register the stock item, and this event is neither");
            case StockCounted e -> ignored("demand is units reserved and shipped; receipts and adjustments only "
                    + "register the stock item, and this event is neither");
            case StockCountApproved e -> ignored("demand is units reserved and shipped; receipts and adjustments "
                    + "only register the stock item, and this event is neither");
            case StockCountRejected e -> ignored("demand is units reserved and shipped; receipts and adjustments "
                    + "only register the stock item, and this event is neither");
        };
    }
}
