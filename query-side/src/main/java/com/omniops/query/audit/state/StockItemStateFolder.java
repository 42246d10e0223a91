package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.Money;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockHold;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockPosition;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Stock item: on hand, reserved, quarantine and refurbishment recomputed from the quantities in each event (not copied
 * from the events' {@code onHandAfter}/{@code reservedAfter}/...), available as {@link StockPosition} defines it, the
 * moving-average cost, the open reservations per order line and the pending count. Where an event's recorded
 * after-quantities disagree with the arithmetic, the state lists a discrepancy.
 */
@Component
public class StockItemStateFolder implements AuditStateFolder<StockItemStateFolder.StockItemState, StockItemEvent> {

    @Override
    public String aggregateType() {
        return "StockItem";
    }

    @Override
    public StockItemState initial(String aggregateId) {
        return new StockItemState(aggregateId);
    }

    @Override
    public Class<StockItemEvent> events() {
        return StockItemEvent.class;
    }

    @Override
    public void fold(StockItemState s, StockItemEvent event) {
        switch (event) {
            case StockReceived e -> {
                s.onHand += e.quantity();
                s.averageCost = e.averageCostAfter();
                s.lastReceiptUnitCost = e.unitCost();
            }
            case StockReserved e -> {
                s.reserved += e.quantity();
                s.reservations.merge(key(e.orderId(), e.lineNo()), e.quantity(), Integer::sum);
            }
            case StockReservationReleased e -> {
                s.reserved -= e.quantity();
                s.reduceReservation(e.orderId(), e.lineNo(), e.quantity());
            }
            case StockIssued e -> {
                s.onHand -= e.quantity();
                s.reserved -= e.quantity();
                s.reduceReservation(e.orderId(), e.lineNo(), e.quantity());
            }
            case StockAdjusted e -> s.onHand += e.quantityDelta();
            case StockReturned e -> {
                switch (e.disposition()) {
                    case RESALE -> s.onHand += e.quantity();
                    case QUARANTINE -> {
                        s.onHand += e.quantity();
                        s.quarantine += e.quantity();
                    }
                    case REFURBISH -> {
                        s.onHand += e.quantity();
                        s.refurbishment += e.quantity();
                    }
                    case WRITE_OFF -> s.unitsWrittenOff += e.quantity(); // never entered stock
                    default -> throw new IllegalStateException("Unknown disposition " + e.disposition());
                }
            }
            case StockReleasedFromHold e -> s.hold(e.hold(), -e.quantity());
            case HeldStockWrittenOff e -> {
                s.hold(e.hold(), -e.quantity());
                s.onHand -= e.quantity();
                s.unitsWrittenOff += e.quantity();
            }
            case StockTransferredOut e -> {
                s.onHand -= e.quantity();
                s.unitsTransferredOut += e.quantity();
            }
            case StockCounted e -> {
                s.lastCountedAt = e.countedAt();
                // a count within the rules is applied by the StockAdjusted that follows it, not by the count itself
                s.pendingCount = e.awaitingApproval()
                        ? new PendingCount(e.countId(), e.bookQuantity(), e.countedQuantity(), e.variance(),
                        e.approvalReasons().stream().map(Enum::name).toList(), e.countedBy())
                        : null;
            }
            case StockCountApproved e -> s.pendingCount = null; // its StockAdjusted applies the variance
            case StockCountRejected e -> s.pendingCount = null;
        }
        // after every event: the quantities the event records must match the arithmetic so far
        s.check(event);
    }

    private static String key(String orderId, int lineNo) {
        return orderId + "#" + lineNo;
    }

    /** A count waiting for approval; its variance is not applied yet. */
    public record PendingCount(String countId, int bookQuantity, int countedQuantity, int variance,
                               List<String> approvalReasons, String countedBy) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class StockItemState {
        private final String stockItemId;
        private String sku;
        private String warehouseId;
        private int onHand;
        private int reserved;
        private int quarantine;
        private int refurbishment;
        private int available;
        private int unitsTransferredOut;
        private int unitsWrittenOff;
        private Money averageCost;
        private Money lastReceiptUnitCost;
        private Instant lastCountedAt;
        private PendingCount pendingCount;
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

        public StockPosition position() {
            return new StockPosition(onHand, reserved, quarantine, refurbishment);
        }

        public List<String> discrepancies() {
            return discrepancies;
        }

        private void hold(StockHold hold, int delta) {
            if (hold == StockHold.QUARANTINE) {
                quarantine += delta;
            } else {
                refurbishment += delta;
            }
        }

        private void reduceReservation(String orderId, int lineNo, int quantity) {
            reservations.computeIfPresent(key(orderId, lineNo), (k, held) -> held > quantity ? held - quantity : null);
        }

        /** Compares the arithmetic with the quantities the event itself records. */
        private void check(StockItemEvent event) {
            sku = event.sku();
            warehouseId = event.warehouseId();
            available = position().available();
            boolean matches = onHand == event.onHandAfter() && reserved == event.reservedAfter();
            String held = "";
            if (event instanceof HeldQuantities h) {
                matches &= quarantine == h.quarantineAfter() && refurbishment == h.refurbishmentAfter();
                held = " / quarantine " + quarantine + " / refurbishment " + refurbishment + ", recorded "
                        + h.quarantineAfter() + " / " + h.refurbishmentAfter();
            }
            if (!matches) {
                discrepancies.add(event.getClass().getSimpleName() + ": computed onHand " + onHand
                        + " / reserved " + reserved + ", recorded " + event.onHandAfter() + " / "
                        + event.reservedAfter() + held);
            }
        }
    }
}
