package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_STOCK_DAY;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_ITEM;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_LAYER;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_WAREHOUSE;

import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.projections.jooq.tables.records.KpiStockItemRecord;
import com.omniops.projections.jooq.tables.records.KpiStockLayerRecord;
import java.time.LocalDate;
import org.jooq.DSLContext;

/**
 * The stock rows of the kpis read model ({@link KpisProjector}): each stock item's on hand and the layers it entered
 * in (consumed first in, first out: stock aging), and per warehouse and day the units received from outside,
 * transferred in and sold, with the warehouse's on hand at the end of the day (sell-through). Every stock event
 * carries the item's on hand after it; the change from the last one seen is what moved. Called inside the event's
 * savepoint.
 */
final class StockRows {

    private final DSLContext dsl;

    StockRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Applies the event's move of on-hand units (if it was not applied before) on its UTC day. */
    void moved(StockItemEvent event, long seq, LocalDate day) {
        KpiStockItemRecord item = dsl.selectFrom(KPI_STOCK_ITEM)
                .where(KPI_STOCK_ITEM.STOCK_ITEM_ID.eq(event.stockItemId())).fetchOne();
        if (item == null) {
            item = dsl.newRecord(KPI_STOCK_ITEM);
            item.setStockItemId(event.stockItemId());
            item.setWarehouseId(event.warehouseId());
            item.setSku(event.sku());
            item.setOnHand(0);
            item.setLastSequence(-1L);
            item.insert();
        }
        if (item.getLastSequence() >= seq) {
            return;
        }
        int delta = event.onHandAfter() - item.getOnHand();
        if (delta > 0) {
            dsl.insertInto(KPI_STOCK_LAYER)
                    .set(KPI_STOCK_LAYER.STOCK_ITEM_ID, event.stockItemId())
                    .set(KPI_STOCK_LAYER.LAYER_NO, seq)
                    .set(KPI_STOCK_LAYER.WAREHOUSE_ID, event.warehouseId())
                    .set(KPI_STOCK_LAYER.SKU, event.sku())
                    .set(KPI_STOCK_LAYER.ENTERED_DAY, day)
                    .set(KPI_STOCK_LAYER.QUANTITY, delta)
                    .execute();
        } else if (delta < 0) {
            consumeOldest(event.stockItemId(), -delta);
        }
        item.setOnHand(event.onHandAfter());
        item.setLastSequence(seq);
        item.update();

        long received = event instanceof StockReceived r && r.source() != ReceiptSource.TRANSFER_IN ? r.quantity() : 0;
        long transferredIn = event instanceof StockReceived r && r.source() == ReceiptSource.TRANSFER_IN
                ? r.quantity() : 0;
        long sold = event instanceof StockIssued issued ? issued.quantity() : 0;
        dsl.insertInto(KPI_STOCK_WAREHOUSE)
                .set(KPI_STOCK_WAREHOUSE.WAREHOUSE_ID, event.warehouseId())
                .set(KPI_STOCK_WAREHOUSE.ON_HAND, (long) delta)
                .onConflict(KPI_STOCK_WAREHOUSE.WAREHOUSE_ID).doUpdate()
                .set(KPI_STOCK_WAREHOUSE.ON_HAND, KPI_STOCK_WAREHOUSE.ON_HAND.plus(delta))
                .execute();
        // on_hand_end of a day = the warehouse's on hand after it: the day before's plus this day's moves. Events
        // normally come in time order (only the day's row changes); one of an earlier day (a generator appending
        // stream by stream) also moves the days after it.
        Long dayBefore = dsl.select(KPI_STOCK_DAY.ON_HAND_END).from(KPI_STOCK_DAY)
                .where(KPI_STOCK_DAY.WAREHOUSE_ID.eq(event.warehouseId()), KPI_STOCK_DAY.DAY.lt(day))
                .orderBy(KPI_STOCK_DAY.DAY.desc()).limit(1)
                .fetchOne(KPI_STOCK_DAY.ON_HAND_END);
        dsl.insertInto(KPI_STOCK_DAY)
                .set(KPI_STOCK_DAY.WAREHOUSE_ID, event.warehouseId())
                .set(KPI_STOCK_DAY.DAY, day)
                .set(KPI_STOCK_DAY.RECEIVED, received)
                .set(KPI_STOCK_DAY.TRANSFERRED_IN, transferredIn)
                .set(KPI_STOCK_DAY.SOLD, sold)
                .set(KPI_STOCK_DAY.ON_HAND_END, (dayBefore == null ? 0L : dayBefore) + delta)
                .onConflict(KPI_STOCK_DAY.WAREHOUSE_ID, KPI_STOCK_DAY.DAY).doUpdate()
                .set(KPI_STOCK_DAY.RECEIVED, KPI_STOCK_DAY.RECEIVED.plus(received))
                .set(KPI_STOCK_DAY.TRANSFERRED_IN, KPI_STOCK_DAY.TRANSFERRED_IN.plus(transferredIn))
                .set(KPI_STOCK_DAY.SOLD, KPI_STOCK_DAY.SOLD.plus(sold))
                .set(KPI_STOCK_DAY.ON_HAND_END, KPI_STOCK_DAY.ON_HAND_END.plus(delta))
                .execute();
        if (delta != 0) {
            dsl.update(KPI_STOCK_DAY)
                    .set(KPI_STOCK_DAY.ON_HAND_END, KPI_STOCK_DAY.ON_HAND_END.plus(delta))
                    .where(KPI_STOCK_DAY.WAREHOUSE_ID.eq(event.warehouseId()), KPI_STOCK_DAY.DAY.gt(day))
                    .execute();
        }
    }

    /** Takes {@code units} out of the item's oldest layers. */
    private void consumeOldest(String stockItemId, int units) {
        int left = units;
        for (KpiStockLayerRecord layer : dsl.selectFrom(KPI_STOCK_LAYER)
                .where(KPI_STOCK_LAYER.STOCK_ITEM_ID.eq(stockItemId))
                .orderBy(KPI_STOCK_LAYER.LAYER_NO)
                .limit(units) // each layer holds at least one unit
                .fetch()) {
            if (left == 0) {
                break;
            }
            int taken = Math.min(left, layer.getQuantity());
            left -= taken;
            if (taken == layer.getQuantity()) {
                layer.delete();
            } else {
                layer.setQuantity(layer.getQuantity() - taken);
                layer.update();
            }
        }
        if (left > 0) {
            throw new IllegalStateException("Stock item " + stockItemId + " loses " + units + " on-hand units but its "
                    + "layers hold " + (units - left) + ": the kpis read model missed an event");
        }
    }
}
