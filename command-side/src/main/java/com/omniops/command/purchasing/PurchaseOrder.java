package com.omniops.command.purchasing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.cancel.CancelPurchaseOrder;
import com.omniops.command.purchasing.close.ClosePurchaseOrder;
import com.omniops.command.purchasing.confirm.ConfirmPurchaseOrder;
import com.omniops.command.purchasing.draft.DraftPurchaseOrder;
import com.omniops.command.purchasing.receive.ReceivePurchaseOrder;
import com.omniops.command.purchasing.receive.RecordGoodsReceipt;
import com.omniops.command.purchasing.submit.SubmitPurchaseOrder;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.purchasing.ReceivedLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A purchase order: draft → submitted → confirmed → received in one or several receipts → received / closed, or
 * cancelled before anything arrived. It refuses receipts beyond the over-receipt tolerance and against orders that
 * are drafts, cancelled or closed.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PurchaseOrder {

    private static final Set<PurchaseOrderStatus> RECEIVABLE = EnumSet.of(PurchaseOrderStatus.SUBMITTED,
            PurchaseOrderStatus.CONFIRMED, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    @AggregateIdentifier
    private String purchaseOrderId;
    private String warehouseId;
    private String currency;
    private PurchaseOrderStatus status;
    private LocalDate expectedDate;
    private Map<Integer, Line> lines = new LinkedHashMap<>();
    private List<String> receiptIds = new ArrayList<>();

    /** One ordered line; {@code confirmed} is null until the supplier confirms. */
    record Line(String sku, int ordered, Integer confirmed, int received, BigDecimal unitCost) {
        int expected() {
            return confirmed != null ? confirmed : ordered;
        }
    }

    protected PurchaseOrder() {
    }

    @CommandHandler
    public PurchaseOrder(DraftPurchaseOrder command, SupplierDirectory suppliers, ProductCatalog catalog,
                         Clock clock) {
        SupplierDirectory.Terms terms = suppliers.terms(command.supplierId()).orElseThrow(() ->
                new BusinessRuleViolation(ErrorCode.SUPPLIER_NOT_FOUND,
                        "There is no supplier " + command.supplierId() + "."));
        require(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "A purchase order needs at least one line.");
        List<PurchaseOrderLine> lines = new ArrayList<>();
        for (DraftPurchaseOrder.Line line : command.lines()) {
            require(catalog.exists(line.sku()), ErrorCode.UNKNOWN_SKU,
                    "SKU " + line.sku() + " is not a registered product.");
            require(line.quantity() >= terms.minimumOrderQuantity(), ErrorCode.BELOW_MINIMUM_ORDER_QUANTITY,
                    "Supplier " + terms.supplierId() + " accepts at least " + terms.minimumOrderQuantity()
                            + " units per line; " + line.sku() + " asks for " + line.quantity() + ".");
            require(line.unitCost().signum() >= 0, ErrorCode.VALIDATION_FAILED, "A unit cost cannot be negative.");
            lines.add(new PurchaseOrderLine(lines.size() + 1, line.sku(), line.quantity(), line.unitCost()));
        }
        suppliers.registerPurchaseOrder(command.purchaseOrderId(), command.supplierId(), command.warehouseId());
        apply(new PurchaseOrderDrafted(command.purchaseOrderId(), command.supplierId(), command.warehouseId(),
                terms.currency(), lines, expectedDate(terms, clock), command.origin(), clock.instant()));
    }

    /** Today plus the supplier's mean lead time, rounded up to whole days. */
    public static LocalDate expectedDate(SupplierDirectory.Terms terms, Clock clock) {
        int leadDays = terms.leadTimeMeanDays().setScale(0, RoundingMode.CEILING).intValueExact();
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(leadDays);
    }

    @CommandHandler
    public PurchaseOrderView handle(SubmitPurchaseOrder command, Clock clock) {
        require(status == PurchaseOrderStatus.DRAFT, ErrorCode.PURCHASE_ORDER_STATE_CONFLICT,
                "Purchase order " + purchaseOrderId + " is " + status + "; only a draft can be submitted.");
        apply(new PurchaseOrderSubmitted(purchaseOrderId, clock.instant()));
        return view();
    }

    @CommandHandler
    public PurchaseOrderView handle(ConfirmPurchaseOrder command, Clock clock) {
        require(status == PurchaseOrderStatus.SUBMITTED || status == PurchaseOrderStatus.CONFIRMED,
                ErrorCode.PURCHASE_ORDER_STATE_CONFLICT, "Purchase order " + purchaseOrderId + " is " + status
                        + "; only a submitted order can be confirmed.");
        Map<Integer, Integer> confirmed = new LinkedHashMap<>();
        lines.forEach((lineNo, line) -> confirmed.put(lineNo, line.ordered()));
        for (ConfirmedLine line : command.lines()) {
            require(lines.containsKey(line.lineNo()), ErrorCode.VALIDATION_FAILED,
                    "Purchase order " + purchaseOrderId + " has no line " + line.lineNo() + ".");
            require(line.quantity() >= 0, ErrorCode.VALIDATION_FAILED, "A confirmed quantity cannot be negative.");
            confirmed.put(line.lineNo(), line.quantity());
        }
        apply(new PurchaseOrderConfirmed(purchaseOrderId, command.confirmedDate(),
                confirmed.entrySet().stream().map(e -> new ConfirmedLine(e.getKey(), e.getValue())).toList(),
                clock.instant()));
        return view();
    }

    /** Returns the received lines (with SKU and unit cost) so the caller can put them into stock. */
    @CommandHandler
    public List<ReceivedLine> handle(RecordGoodsReceipt command, ReceiptTolerance tolerance, Clock clock) {
        require(RECEIVABLE.contains(status), ErrorCode.PURCHASE_ORDER_STATE_CONFLICT,
                "Purchase order " + purchaseOrderId + " is " + status + "; goods cannot be received against it.");
        require(!receiptIds.contains(command.receiptId()), ErrorCode.VALIDATION_FAILED,
                "Receipt " + command.receiptId() + " is already booked on " + purchaseOrderId + ".");
        require(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "A receipt needs at least one line.");
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        command.lines().forEach(l -> quantities.merge(l.lineNo(), l.quantity(), Integer::sum));
        List<ReceivedLine> received = new ArrayList<>();
        quantities.forEach((lineNo, quantity) -> {
            Line line = lines.get(lineNo);
            require(line != null, ErrorCode.VALIDATION_FAILED,
                    "Purchase order " + purchaseOrderId + " has no line " + lineNo + ".");
            require(quantity > 0, ErrorCode.VALIDATION_FAILED, "A received quantity must be positive.");
            int maximum = tolerance.maximumFor(line.expected());
            require(line.received() + quantity <= maximum, ErrorCode.OVER_RECEIPT,
                    "Line " + lineNo + " (" + line.sku() + ") expects " + line.expected() + " units and has "
                            + line.received() + "; receiving " + quantity + " more exceeds the tolerance ("
                            + maximum + " at most).");
            received.add(new ReceivedLine(lineNo, line.sku(), quantity, line.unitCost()));
        });
        apply(new PurchaseOrderGoodsReceived(purchaseOrderId, command.receiptId(), warehouseId, received,
                clock.instant()));
        if (lines.values().stream().allMatch(l -> l.received() >= l.expected())) {
            apply(new PurchaseOrderReceived(purchaseOrderId, clock.instant()));
        }
        return received;
    }

    @CommandHandler
    public PurchaseOrderView handle(CancelPurchaseOrder command, Clock clock) {
        require(EnumSet.of(PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SUBMITTED, PurchaseOrderStatus.CONFIRMED)
                        .contains(status), ErrorCode.PURCHASE_ORDER_STATE_CONFLICT,
                "Purchase order " + purchaseOrderId + " is " + status
                        + "; only an order with nothing received can be cancelled (close it instead).");
        apply(new PurchaseOrderCancelled(purchaseOrderId, command.reason(), clock.instant()));
        return view();
    }

    @CommandHandler
    public PurchaseOrderView handle(ClosePurchaseOrder command, Clock clock) {
        require(status == PurchaseOrderStatus.PARTIALLY_RECEIVED || status == PurchaseOrderStatus.RECEIVED,
                ErrorCode.PURCHASE_ORDER_STATE_CONFLICT, "Purchase order " + purchaseOrderId + " is " + status
                        + "; only an order that received goods can be closed (cancel it instead).");
        apply(new PurchaseOrderClosed(purchaseOrderId, command.reason(), clock.instant()));
        return view();
    }

    public PurchaseOrderView view() {
        return new PurchaseOrderView(purchaseOrderId, status, expectedDate);
    }

    public String warehouseId() {
        return warehouseId;
    }

    public String currency() {
        return currency;
    }

    @EventSourcingHandler
    void on(PurchaseOrderDrafted event) {
        purchaseOrderId = event.purchaseOrderId();
        warehouseId = event.warehouseId();
        currency = event.currency();
        expectedDate = event.expectedDate();
        status = PurchaseOrderStatus.DRAFT;
        event.lines().forEach(l -> lines.put(l.lineNo(), new Line(l.sku(), l.quantity(), null, 0, l.unitCost())));
    }

    @EventSourcingHandler
    void on(PurchaseOrderSubmitted event) {
        status = PurchaseOrderStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(PurchaseOrderConfirmed event) {
        status = PurchaseOrderStatus.CONFIRMED;
        expectedDate = event.confirmedDate() != null ? event.confirmedDate() : expectedDate;
        event.lines().forEach(c -> lines.computeIfPresent(c.lineNo(),
                (n, l) -> new Line(l.sku(), l.ordered(), c.quantity(), l.received(), l.unitCost())));
    }

    @EventSourcingHandler
    void on(PurchaseOrderGoodsReceived event) {
        status = PurchaseOrderStatus.PARTIALLY_RECEIVED;
        receiptIds.add(event.receiptId());
        event.lines().forEach(r -> lines.computeIfPresent(r.lineNo(),
                (n, l) -> new Line(l.sku(), l.ordered(), l.confirmed(), l.received() + r.quantity(), l.unitCost())));
    }

    @EventSourcingHandler
    void on(PurchaseOrderReceived event) {
        status = PurchaseOrderStatus.RECEIVED;
    }

    @EventSourcingHandler
    void on(PurchaseOrderClosed event) {
        status = PurchaseOrderStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(PurchaseOrderCancelled event) {
        status = PurchaseOrderStatus.CANCELLED;
    }
}
