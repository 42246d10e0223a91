package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.Money;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferEvent;
import com.omniops.events.transfer.TransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Transfer: per line requested, shipped (at which cost), received and still in transit; its receipts. */
@Component
public class TransferStateFolder implements AuditStateFolder<TransferStateFolder.TransferState, TransferEvent> {

    @Override
    public String aggregateType() {
        return "Transfer";
    }

    @Override
    public TransferState initial(String aggregateId) {
        return new TransferState(aggregateId);
    }

    @Override
    public Class<TransferEvent> events() {
        return TransferEvent.class;
    }

    @Override
    public void fold(TransferState s, TransferEvent event) {
        switch (event) {
            case TransferRequested e -> {
                s.status = "REQUESTED";
                s.fromWarehouseId = e.fromWarehouseId();
                s.toWarehouseId = e.toWarehouseId();
                s.note = e.note();
                s.requestedAt = e.requestedAt();
                for (TransferLine l : e.lines()) {
                    s.lines.put(l.lineNo(), new Line(l.lineNo(), l.sku(), l.quantity()));
                }
            }
            case TransferCancelled e -> {
                s.status = "CANCELLED";
                s.cancelledAt = e.cancelledAt();
                s.cancelReason = e.reason();
            }
            case TransferShipped e -> {
                s.status = "IN_TRANSIT";
                s.carrier = e.carrier();
                s.trackingNumber = e.trackingNumber();
                s.shippedAt = e.shippedAt();
                for (ShippedTransferLine l : e.lines()) {
                    Line line = s.line(l.lineNo(), l.sku());
                    line.shipped += l.quantity();
                    line.unitCost = l.unitCost();
                }
            }
            case TransferReceived e -> {
                s.status = e.complete() ? "RECEIVED" : "PARTIALLY_RECEIVED";
                s.receipts.add(new Receipt(e.receiptId(), e.lines(), e.receivedAt()));
                for (ReceivedTransferLine l : e.lines()) {
                    s.line(l.lineNo(), l.sku()).received += l.quantity();
                }
            }
        }
        // after every event: the derived figures follow from what the events recorded
        s.lines.values().forEach(l -> l.inTransit = l.shipped - l.received);
    }

    public record Receipt(String receiptId, List<ReceivedTransferLine> lines, Instant receivedAt) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class TransferState {
        private final String transferId;
        private String status;
        private String fromWarehouseId;
        private String toWarehouseId;
        private String note;
        private Instant requestedAt;
        private String carrier;
        private String trackingNumber;
        private Instant shippedAt;
        private Instant cancelledAt;
        private String cancelReason;
        private final Map<Integer, Line> lines = new TreeMap<>();
        private final List<Receipt> receipts = new ArrayList<>();

        TransferState(String transferId) {
            this.transferId = transferId;
        }

        public String status() {
            return status;
        }

        private Line line(int lineNo, String sku) {
            return lines.computeIfAbsent(lineNo, n -> new Line(n, sku, 0));
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Line {
        private final int lineNo;
        private final String sku;
        private final int requested;
        private int shipped;
        private int received;
        private int inTransit;
        private Money unitCost;

        Line(int lineNo, String sku, int requested) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.requested = requested;
        }
    }
}
