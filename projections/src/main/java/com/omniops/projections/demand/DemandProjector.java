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
 * of one stock item, so the day row cannot tell by itself). The guard and the day row change in one savepoint of the
 * batch transaction.
 */
@Component
@ProcessingGroup(DemandProjector.PROCESSING_GROUP)
public class DemandProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "demand";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, DemandProjector::new,
            DEMAND_DAILY, DEMAND_STOCK_ITEM);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public DemandProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long seq) {
        isolated.run(() -> advance(event, seq));
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long seq) {
        isolated.run(() -> advance(event, seq));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (advance(event, seq)) {
                add(event, event.reservedAt(), 0, event.quantity());
            }
        });
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long seq) {
        isolated.run(() -> {
            if (advance(event, seq)) {
                add(event, event.issuedAt(), event.quantity(), 0);
            }
        });
    }

    /** Moves the stock item's position to {@code seq}; false when that event was applied already. */
    private boolean advance(StockItemEvent event, long seq) {
        return dsl.insertInto(DEMAND_STOCK_ITEM)
                .set(DEMAND_STOCK_ITEM.STOCK_ITEM_ID, event.stockItemId())
                .set(DEMAND_STOCK_ITEM.SKU, event.sku())
                .set(DEMAND_STOCK_ITEM.WAREHOUSE_ID, event.warehouseId())
                .set(DEMAND_STOCK_ITEM.LAST_SEQUENCE, seq)
                .onConflict(DEMAND_STOCK_ITEM.STOCK_ITEM_ID)
                .doUpdate()
                .set(DEMAND_STOCK_ITEM.LAST_SEQUENCE, seq)
                .where(DEMAND_STOCK_ITEM.LAST_SEQUENCE.lt(seq))
                .execute() > 0;
    }

    private void add(StockItemEvent event, Instant at, int shipped, int reserved) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        dsl.insertInto(DEMAND_DAILY)
                .set(DEMAND_DAILY.SKU, event.sku())
                .set(DEMAND_DAILY.WAREHOUSE_ID, event.warehouseId())
                .set(DEMAND_DAILY.DEMAND_DATE, day)
                .set(DEMAND_DAILY.SHIPPED_UNITS, shipped)
                .set(DEMAND_DAILY.RESERVED_UNITS, reserved)
                .onConflict(DEMAND_DAILY.SKU, DEMAND_DAILY.WAREHOUSE_ID, DEMAND_DAILY.DEMAND_DATE)
                .doUpdate()
                .set(DEMAND_DAILY.SHIPPED_UNITS, DEMAND_DAILY.SHIPPED_UNITS.plus(shipped))
                .set(DEMAND_DAILY.RESERVED_UNITS, DEMAND_DAILY.RESERVED_UNITS.plus(reserved))
                .execute();
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
