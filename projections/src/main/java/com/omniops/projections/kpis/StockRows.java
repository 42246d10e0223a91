package com.omniops.projections.kpis;

import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.projections.kpis.KpiStockState.Item;
import com.omniops.projections.kpis.KpiStockState.Layer;
import java.time.LocalDate;

/**
 * The stock rows of the kpis read model ({@link KpisProjector}): each stock item's on hand and the layers it entered
 * in (consumed first in, first out: stock aging), and per warehouse and day the units received from outside,
 * transferred in and sold, with the warehouse's on hand at the end of the day (sell-through). Every stock event
 * carries the item's on hand after it; the change from the last one seen is what moved. Works on the batch's copy of
 * the rows ({@link KpiStockState}).
 */
final class StockRows {

    private StockRows() {
    }

    /**
     * Applies the event's move of on-hand units on its UTC day; false (and nothing changed) if the item has the event
     * already. Throws before changing anything when the item's layers cannot give the units it loses.
     */
    static boolean moved(KpiStockState state, StockItemEvent event, long seq, LocalDate day) {
        Item item = state.item(event.stockItemId());
        boolean first = item == null;
        if (first) {
            item = new Item(event.stockItemId(), event.warehouseId(), event.sku(), 0, -1L);
        } else if (item.lastSequence >= seq) {
            return false;
        }
        int delta = event.onHandAfter() - item.onHand;
        if (delta < 0) {
            int held = item.layers.stream().mapToInt(layer -> layer.quantity).sum();
            if (held < -delta) {
                throw new IllegalStateException("Stock item " + event.stockItemId() + " loses " + -delta
                        + " on-hand units but its layers hold " + held + ": the kpis read model missed an event");
            }
        }
        if (first) {
            state.addItem(item);
        }
        if (delta > 0) {
            Layer layer = new Layer(seq, day, delta, false);
            item.layers.addLast(layer);
            state.layerChanged(item, layer);
        } else if (delta < 0) {
            consumeOldest(state, item, -delta);
        }
        item.onHand = event.onHandAfter();
        item.lastSequence = seq;
        state.itemChanged(item);

        long received = event instanceof StockReceived r && r.source() != ReceiptSource.TRANSFER_IN ? r.quantity() : 0;
        long transferredIn = event instanceof StockReceived r && r.source() == ReceiptSource.TRANSFER_IN
                ? r.quantity() : 0;
        long sold = event instanceof StockIssued issued ? issued.quantity() : 0;
        state.moveStock(event.warehouseId(), day, received, transferredIn, sold, delta);
        return true;
    }

    /** Takes {@code units} out of the item's oldest layers (which hold at least that many). */
    private static void consumeOldest(KpiStockState state, Item item, int units) {
        int left = units;
        while (left > 0) {
            Layer layer = item.layers.peekFirst();
            int taken = Math.min(left, layer.quantity);
            left -= taken;
            layer.quantity -= taken;
            if (layer.quantity == 0) {
                item.layers.removeFirst();
            }
            state.layerChanged(item, layer);
        }
    }
}
