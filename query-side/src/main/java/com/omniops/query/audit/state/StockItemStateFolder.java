package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.Money;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Stock item: on hand and reserved recomputed from the quantities in each event (not copied from the events'
 * {@code onHandAfter}/{@code reservedAfter}), the moving-average cost and the open reservations per order line. Where
 * an event's recorded after-quantities disagree with the arithmetic, the state lists a discrepancy.
 */
@Component
public class StockItemStateFolder implements AuditStateFolder<StockItemStateFolder.StockItemState> {

    @Override
    public String aggregateType() {
        return "StockItem";
    }

    @Override
    public StockItemState initial(String aggregateId) {
        return new StockItemState(aggregateId);
    }

    @Override
    public StockItemState apply(StockItemState s, Object event) {
        if (!(event instanceof StockItemEvent stockEvent)) {
            throw new IllegalArgumentException("Not a stock item event: " + event.getClass().getName());
        }
        s.sku = stockEvent.sku();
        s.warehouseId = stockEvent.warehouseId();
        if (stockEvent instanceof StockReceived e) {
            s.onHand += e.quantity();
            s.averageCost = e.averageCostAfter();
            s.lastReceiptUnitCost = e.unitCost();
        } else if (stockEvent instanceof StockReserved e) {
            s.reserved += e.quantity();
            s.reservations.merge(key(e.orderId(), e.lineNo()), e.quantity(), Integer::sum);
        } else if (stockEvent instanceof StockReservationReleased e) {
            s.reserved -= e.quantity();
            s.reduceReservation(e.orderId(), e.lineNo(), e.quantity());
        } else if (stockEvent instanceof StockIssued e) {
            s.onHand -= e.quantity();
            s.reserved -= e.quantity();
            s.reduceReservation(e.orderId(), e.lineNo(), e.quantity());
        } else if (stockEvent instanceof StockAdjusted e) {
            s.onHand += e.quantityDelta();
        }
        s.available = Math.max(0, s.onHand - s.reserved);
        if (s.onHand != stockEvent.onHandAfter() || s.reserved != stockEvent.reservedAfter()) {
            s.discrepancies.add(stockEvent.getClass().getSimpleName() + ": computed onHand " + s.onHand
                    + " / reserved " + s.reserved + ", recorded " + stockEvent.onHandAfter() + " / "
                    + stockEvent.reservedAfter());
        }
        return s;
    }

    private static String key(String orderId, int lineNo) {
        return orderId + "#" + lineNo;
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class StockItemState {
        private final String stockItemId;
        private String sku;
        private String warehouseId;
        private int onHand;
        private int reserved;
        private int available;
        private Money averageCost;
        private Money lastReceiptUnitCost;
        /** Open reservations: "orderId#lineNo" → units still held. */
        private final Map<String, Integer> reservations = new TreeMap<>();
        private final List<String> discrepancies = new ArrayList<>();

        StockItemState(String stockItemId) {
            this.stockItemId = stockItemId;
        }

        public int onHand() {
            return onHand;
        }

        public int reserved() {
            return reserved;
        }

        private void reduceReservation(String orderId, int lineNo, int quantity) {
            reservations.computeIfPresent(key(orderId, lineNo), (k, held) -> held > quantity ? held - quantity : null);
        }
    }
}
