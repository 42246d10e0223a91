package com.omniops.command.transfer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.transfer.cancel.CancelTransfer;
import com.omniops.command.transfer.receive.ReceiveTransfer;
import com.omniops.command.transfer.receive.ReceivedUnits;
import com.omniops.command.transfer.receive.RecordTransferReceipt;
import com.omniops.command.transfer.request.RequestTransfer;
import com.omniops.command.transfer.ship.RecordTransferShipment;
import com.omniops.events.StreamIds;
import com.omniops.events.Money;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferLine;
import com.omniops.events.transfer.TransferReceived;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An inter-warehouse transfer: requested → shipped (units in transit) → received in one or more receipts, or
 * cancelled before it ships. It guards its own quantities (never more received than shipped); the stock items guard
 * theirs (only available units leave the source) in the same unit of work ({@code TransferShipping},
 * {@code TransferReceiving}).
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Transfer {

    /** Aggregate ids share one event table (ADR-17). */

    @AggregateIdentifier
    private String aggregateId;
    private String transferId;
    private String fromWarehouseId;
    private String toWarehouseId;
    private TransferStatus status;
    private Map<Integer, Line> lines = new LinkedHashMap<>();
    private Set<String> receiptIds = new HashSet<>();

    /** {@code unitCost} is null until the line ships. */
    record Line(String sku, int requested, int shipped, int received, Money unitCost) {
        int inTransit() {
            return shipped - received;
        }
    }

    /** What the orchestrators need to know before they touch stock. */
    public record Plan(String transferId, String fromWarehouseId, String toWarehouseId, List<TransferLine> lines) {
    }

    protected Transfer() {
    }

    @CommandHandler
    public Transfer(RequestTransfer command, ProductCatalog catalog, StockItemRegistry registry, Clock clock) {
        require(!command.fromWarehouseId().equals(command.toWarehouseId()), ErrorCode.VALIDATION_FAILED,
                "A transfer must go to another warehouse than " + command.fromWarehouseId() + ".");
        require(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "A transfer needs at least one line.");
        Set<String> skus = new HashSet<>();
        List<TransferLine> requested = new ArrayList<>();
        for (RequestTransfer.Line line : command.lines()) {
            require(skus.add(line.sku()), ErrorCode.VALIDATION_FAILED,
                    "SKU " + line.sku() + " appears twice; use one line per SKU.");
            require(line.quantity() > 0, ErrorCode.VALIDATION_FAILED, "A transferred quantity must be positive.");
            require(catalog.exists(line.sku()), ErrorCode.UNKNOWN_SKU,
                    "SKU " + line.sku() + " is not a registered product.");
            require(registry.exists(command.fromWarehouseId(), line.sku()), ErrorCode.STOCK_ITEM_NOT_FOUND,
                    "Warehouse " + command.fromWarehouseId() + " has never received SKU " + line.sku() + ".");
            requested.add(new TransferLine(requested.size() + 1, line.sku(), line.quantity()));
        }
        apply(new TransferRequested(command.transferId(), command.fromWarehouseId(), command.toWarehouseId(),
                requested, command.note(), clock.instant()));
    }

    @CommandHandler
    public TransferView handle(RecordTransferShipment command, Clock clock) {
        require(status == TransferStatus.REQUESTED, ErrorCode.TRANSFER_STATE_CONFLICT,
                "Transfer " + transferId + " is " + status + "; only a requested transfer can ship.");
        require(command.lines().size() == lines.size() && command.lines().stream().allMatch(shipped -> {
                    Line line = lines.get(shipped.lineNo());
                    return line != null && line.sku().equals(shipped.sku()) && line.requested() == shipped.quantity();
                }), ErrorCode.VALIDATION_FAILED,
                "A shipment of transfer " + transferId + " carries every requested line in full.");
        apply(new TransferShipped(transferId, fromWarehouseId, toWarehouseId, command.lines(), command.carrier(),
                command.trackingNumber(), clock.instant()));
        return view();
    }

    /** Returns what arrived, per SKU, at the unit cost it was shipped at, so the caller can put it into stock. */
    @CommandHandler
    public List<ReceivedUnits> handle(RecordTransferReceipt command, Clock clock) {
        require(status == TransferStatus.IN_TRANSIT || status == TransferStatus.PARTIALLY_RECEIVED,
                ErrorCode.TRANSFER_STATE_CONFLICT, "Transfer " + transferId + " is " + status
                        + "; only a shipped transfer with units in transit can be received.");
        require(!receiptIds.contains(command.receiptId()), ErrorCode.VALIDATION_FAILED,
                "Receipt " + command.receiptId() + " is already booked on transfer " + transferId + ".");
        Map<Integer, Integer> arriving = new LinkedHashMap<>();
        if (command.lines().isEmpty()) {
            lines.forEach((lineNo, line) -> {
                if (line.inTransit() > 0) {
                    arriving.put(lineNo, line.inTransit());
                }
            });
        } else {
            for (ReceiveTransfer.Line received : command.lines()) {
                Integer lineNo = lineOf(received.sku());
                require(lineNo != null, ErrorCode.VALIDATION_FAILED,
                        "Transfer " + transferId + " has no line for SKU " + received.sku() + ".");
                require(received.quantity() > 0, ErrorCode.VALIDATION_FAILED, "A received quantity must be positive.");
                arriving.merge(lineNo, received.quantity(), Integer::sum);
            }
        }
        List<ReceivedTransferLine> receivedLines = new ArrayList<>();
        List<ReceivedUnits> units = new ArrayList<>();
        arriving.forEach((lineNo, quantity) -> {
            Line line = lines.get(lineNo);
            require(quantity <= line.inTransit(), ErrorCode.TRANSFER_OVER_RECEIPT,
                    "Transfer " + transferId + " has " + line.inTransit() + " units of " + line.sku()
                            + " in transit; " + quantity + " cannot be received.");
            receivedLines.add(new ReceivedTransferLine(lineNo, line.sku(), quantity, line.received() + quantity));
            units.add(new ReceivedUnits(line.sku(), quantity, line.unitCost()));
        });
        boolean complete = lines.entrySet().stream().allMatch(e ->
                e.getValue().received() + arriving.getOrDefault(e.getKey(), 0) >= e.getValue().shipped());
        apply(new TransferReceived(transferId, command.receiptId(), fromWarehouseId, toWarehouseId, receivedLines,
                complete, clock.instant()));
        return units;
    }

    @CommandHandler
    public TransferView handle(CancelTransfer command, Clock clock) {
        require(status == TransferStatus.REQUESTED, ErrorCode.TRANSFER_STATE_CONFLICT,
                "Transfer " + transferId + " is " + status + "; only a transfer that has not shipped can be "
                        + "cancelled (receive what was shipped instead).");
        apply(new TransferCancelled(transferId, command.reason(), clock.instant()));
        return view();
    }

    private Integer lineOf(String sku) {
        return lines.entrySet().stream().filter(e -> e.getValue().sku().equals(sku)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public Plan plan() {
        return new Plan(transferId, fromWarehouseId, toWarehouseId, lines.entrySet().stream()
                .map(e -> new TransferLine(e.getKey(), e.getValue().sku(), e.getValue().requested())).toList());
    }

    public String toWarehouseId() {
        return toWarehouseId;
    }

    public TransferView view() {
        return new TransferView(transferId, status, fromWarehouseId, toWarehouseId, lines.entrySet().stream()
                .map(e -> new TransferView.Line(e.getKey(), e.getValue().sku(), e.getValue().requested(),
                        e.getValue().shipped(), e.getValue().received(), e.getValue().inTransit()))
                .toList());
    }

    @EventSourcingHandler
    void on(TransferRequested event) {
        aggregateId = StreamIds.transfer(event.transferId());
        transferId = event.transferId();
        fromWarehouseId = event.fromWarehouseId();
        toWarehouseId = event.toWarehouseId();
        status = TransferStatus.REQUESTED;
        event.lines().forEach(l -> lines.put(l.lineNo(), new Line(l.sku(), l.quantity(), 0, 0, null)));
    }

    @EventSourcingHandler
    void on(TransferCancelled event) {
        status = TransferStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(TransferShipped event) {
        status = TransferStatus.IN_TRANSIT;
        for (ShippedTransferLine shipped : event.lines()) {
            lines.computeIfPresent(shipped.lineNo(), (n, l) -> new Line(l.sku(), l.requested(),
                    l.shipped() + shipped.quantity(), l.received(), shipped.unitCost()));
        }
    }

    @EventSourcingHandler
    void on(TransferReceived event) {
        status = event.complete() ? TransferStatus.RECEIVED : TransferStatus.PARTIALLY_RECEIVED;
        if (event.receiptId() != null) {
            receiptIds.add(event.receiptId());
        }
        for (ReceivedTransferLine received : event.lines()) {
            lines.computeIfPresent(received.lineNo(), (n, l) -> new Line(l.sku(), l.requested(), l.shipped(),
                    received.receivedAfter(), l.unitCost()));
        }
    }
}
