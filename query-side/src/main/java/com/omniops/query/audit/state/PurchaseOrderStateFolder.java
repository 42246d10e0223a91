package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderEvent;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.purchasing.ReceivedLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Purchase order: status, lines (ordered, confirmed, received, still open), receipts and how it ended. */
@Component
public class PurchaseOrderStateFolder
        implements AuditStateFolder<PurchaseOrderStateFolder.PurchaseOrderState, PurchaseOrderEvent> {

    @Override
    public String aggregateType() {
        return "PurchaseOrder";
    }

    @Override
    public PurchaseOrderState initial(String aggregateId) {
        return new PurchaseOrderState(aggregateId);
    }

    @Override
    public Class<PurchaseOrderEvent> events() {
        return PurchaseOrderEvent.class;
    }

    @Override
    public void fold(PurchaseOrderState s, PurchaseOrderEvent event) {
        switch (event) {
            case PurchaseOrderDrafted e -> {
                s.status = "DRAFT";
                s.supplierId = e.supplierId();
                s.warehouseId = e.warehouseId();
                s.currency = e.currency();
                s.origin = e.origin();
                s.expectedDate = e.expectedDate();
                s.draftedAt = e.draftedAt();
                for (PurchaseOrderLine l : e.lines()) {
                    s.lines.put(l.lineNo(), new Line(l.lineNo(), l.sku(), l.quantity(), l.unitCost()));
                }
            }
            case PurchaseOrderSubmitted e -> {
                s.status = "SUBMITTED";
                s.submittedAt = e.submittedAt();
            }
            case PurchaseOrderConfirmed e -> {
                s.status = "CONFIRMED";
                s.confirmedDate = e.confirmedDate();
                for (ConfirmedLine l : e.lines()) {
                    s.line(l.lineNo()).confirmed = l.quantity();
                }
            }
            case PurchaseOrderGoodsReceived e -> {
                s.status = "PARTIALLY_RECEIVED";
                s.receipts.add(new Receipt(e.receiptId(), e.warehouseId(), e.lines(), e.receivedAt()));
                for (ReceivedLine l : e.lines()) {
                    s.line(l.lineNo()).received += l.quantity();
                }
            }
            case PurchaseOrderReceived e -> s.end("RECEIVED", e.receivedAt(), null);
            case PurchaseOrderClosed e -> s.end("CLOSED", e.closedAt(), e.reason());
            case PurchaseOrderCancelled e -> s.end("CANCELLED", e.cancelledAt(), e.reason());
        }
        // after every event: what is still open follows from the lines and whether the order has ended
        s.lines.values().forEach(l -> l.open = s.endedAt != null ? 0
                : Math.max(0, (l.confirmed == null ? l.ordered : l.confirmed) - l.received));
    }

    public record Receipt(String receiptId, String warehouseId, List<ReceivedLine> lines, Instant receivedAt) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class PurchaseOrderState {
        private final String purchaseOrderId;
        private String status;
        private String supplierId;
        private String warehouseId;
        private String currency;
        private PurchaseOrderOrigin origin;
        private LocalDate expectedDate;
        private LocalDate confirmedDate;
        private Instant draftedAt;
        private Instant submittedAt;
        private Instant endedAt;
        private String endReason;
        private final Map<Integer, Line> lines = new TreeMap<>();
        private final List<Receipt> receipts = new ArrayList<>();

        PurchaseOrderState(String purchaseOrderId) {
            this.purchaseOrderId = purchaseOrderId;
        }

        public String status() {
            return status;
        }

        private Line line(int lineNo) {
            // a confirmation or receipt of a line the draft did not have shows up as a line with nothing ordered
            return lines.computeIfAbsent(lineNo, n -> new Line(n, null, 0, null));
        }

        private void end(String endStatus, Instant at, String reason) {
            status = endStatus;
            endedAt = at;
            endReason = reason;
        }
    }

    /** {@code open}: units still expected (confirmed, else ordered, less received; none once the order ended). */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Line {
        private final int lineNo;
        private final String sku;
        private final int ordered;
        private final BigDecimal unitCost;
        private Integer confirmed;
        private int received;
        private int open;

        Line(int lineNo, String sku, int ordered, BigDecimal unitCost) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.ordered = ordered;
            this.unitCost = unitCost;
        }
    }
}
