package com.omniops.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.order.cancel.RecordOrderCancellation;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.deliver.DeliveryResult;
import com.omniops.command.order.pay.CapturePayment;
import com.omniops.command.order.pay.OrderBalance;
import com.omniops.command.order.pay.RecordFee;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.order.place.RecordOrderPlacement;
import com.omniops.command.order.refund.ApproveEarmarkedRefund;
import com.omniops.command.order.refund.EarmarkRefund;
import com.omniops.command.order.refund.RefundTerms;
import com.omniops.command.order.refund.ReleaseEarmarkedRefund;
import com.omniops.command.order.refund.SettleRefund;
import com.omniops.command.order.returns.InspectReturn;
import com.omniops.command.order.returns.ReceiveReturn;
import com.omniops.command.order.returns.RecordReturnInspection;
import com.omniops.command.order.returns.RequestReturn;
import com.omniops.command.order.returns.ReturnResult;
import com.omniops.command.order.returns.ReturnStatus;
import com.omniops.command.order.ship.RecordShipment;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.events.Money;
import com.omniops.events.order.InspectedLine;
import com.omniops.command.order.backorder.AllocateBackorder;
import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderLine;
import com.omniops.command.order.pick.PackOrder;
import com.omniops.command.order.pick.PickOrder;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderRefundApproved;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.refund.RefundLine;
import com.omniops.events.refund.RefundSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static com.omniops.command.rule.Inputs.amount;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer order from one channel. It is born with its stock already reserved (see OrderPlacement) and guards what
 * may still happen to it: a cancellation only before anything shipped, shipments only of what is reserved for it,
 * returns only of delivered units, and refunds only of money it captured: captured − refunded − earmarked ≥ 0.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Order {

    @AggregateIdentifier
    private String orderId;
    private String channelId;
    private String currency;
    /** Gross (tax contained in the prices) or net (tax added): how {@link OrderAmounts} values the lines. */
    private boolean pricesIncludeTax;
    private LocalDate promisedShipDate;
    private BigDecimal orderTotal = BigDecimal.ZERO;
    private boolean cancelled;
    private int unitsOrdered;
    private int unitsShipped;
    /** lineNo → the line as ordered */
    private Map<Integer, OrderLine> lines = new HashMap<>();
    /** "lineNo@warehouse" → allocation still open or partly shipped */
    private Map<String, Allocation> allocations = new LinkedHashMap<>();
    private Map<Integer, Integer> backorders = new HashMap<>();
    /** warehouse → how far the units reserved there have got (no entry: not picked yet) */
    private Map<String, FulfilmentStage> stages = new HashMap<>();
    /** shipmentId → shipment */
    private Map<String, Shipment> shipments = new LinkedHashMap<>();
    private BigDecimal captured = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    /** "provider/reference" of every captured payment */
    private Set<String> paymentReferences = new HashSet<>();
    /** returnId → return */
    private Map<String, Return> returns = new LinkedHashMap<>();
    /** refundId → money set aside for a refund not yet paid out or released */
    private Map<String, Earmark> earmarks = new LinkedHashMap<>();
    private BigDecimal refunded = BigDecimal.ZERO;

    protected Order() {
    }

    // ---- Placement, cancellation, shipment, delivery ---------------------------------------------------------------

    @CommandHandler
    public Order(RecordOrderPlacement command, Clock clock) {
        require(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "An order needs at least one line.");
        Map<Integer, Integer> covered = new HashMap<>();
        command.allocations().forEach(a -> covered.merge(a.lineNo(), a.quantity(), Integer::sum));
        command.backorders().forEach(b -> covered.merge(b.lineNo(), b.quantity(), Integer::sum));
        for (OrderLine line : command.lines()) {
            require(line.quantity() > 0, ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " must order a positive quantity.");
            require(covered.getOrDefault(line.lineNo(), 0) == line.quantity(), ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " must be exactly covered by reservations and backorders.");
            requireTaxContainedInGrossPrice(line, command.pricesIncludeTax());
        }
        apply(new OrderPlaced(command.orderId(), command.channelId(), command.channelOrderRef(),
                command.customerId(), command.currency(), command.pricesIncludeTax(), command.lines(),
                command.shippingCharge(), command.promisedShipDate(), command.allocations(), command.backorders(),
                clock.instant()));
    }

    @CommandHandler
    public List<LineAllocation> handle(RecordOrderCancellation command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_ALREADY_CANCELLED, "Order " + orderId + " is already cancelled.");
        require(unitsShipped == 0, ErrorCode.ORDER_ALREADY_SHIPPED,
                "Order " + orderId + " has shipped units and can no longer be cancelled.");
        List<LineAllocation> released = allocations.values().stream()
                .map(a -> new LineAllocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity()))
                .toList();
        apply(new OrderCancelled(orderId, command.reason(), released, clock.instant()));
        return released;
    }

    @CommandHandler
    public List<ShippedLine> handle(RecordShipment command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_NOT_SHIPPABLE, "Order " + orderId + " is cancelled.");
        require(!shipments.containsKey(command.shipmentId()), ErrorCode.VALIDATION_FAILED,
                "Shipment " + command.shipmentId() + " is already recorded on order " + orderId + ".");
        Instant shippedAt = command.shippedAt() != null ? command.shippedAt() : clock.instant();
        require(!shippedAt.isAfter(clock.instant()), ErrorCode.VALIDATION_FAILED,
                "A shipment cannot be recorded in the future.");
        if (command.shippingCost() != null) {
            require(command.shippingCost().signum() >= 0, ErrorCode.VALIDATION_FAILED,
                    "A shipping cost cannot be negative.");
            Inputs.requireMoney(currency, amount("shippingCost", command.shippingCost()));
        }
        List<ShippedLine> shipped = new ArrayList<>();
        if (command.lines().isEmpty()) {
            allocations.values().stream()
                    .filter(a -> a.warehouseId().equals(command.warehouseId()) && a.open() > 0)
                    .forEach(a -> shipped.add(new ShippedLine(a.lineNo(), a.sku(), a.open())));
        } else {
            Map<Integer, Integer> requested = new LinkedHashMap<>();
            command.lines().forEach(l -> requested.merge(l.lineNo(), l.quantity(), Integer::sum));
            requested.forEach((lineNo, quantity) -> {
                require(quantity > 0, ErrorCode.VALIDATION_FAILED,
                        "Line " + lineNo + " must ship a positive quantity.");
                Allocation allocation = allocations.get(allocationKey(lineNo, command.warehouseId()));
                int open = allocation == null ? 0 : allocation.open();
                require(quantity <= open, ErrorCode.SHIPMENT_EXCEEDS_ALLOCATION,
                        "Line " + lineNo + " of order " + orderId + " has " + open + " units reserved in "
                                + command.warehouseId() + "; " + quantity + " cannot be shipped from there.");
                shipped.add(new ShippedLine(lineNo, lines.get(lineNo).sku(), quantity));
            });
        }
        require(!shipped.isEmpty(), ErrorCode.ORDER_NOT_SHIPPABLE,
                "Order " + orderId + " has nothing reserved left to ship from " + command.warehouseId() + ".");
        apply(new OrderShipped(orderId, command.shipmentId(), command.warehouseId(), shipped, command.carrier(),
                command.trackingNumber(), command.shippingCost(), shippedAt));
        return shipped;
    }

    @CommandHandler
    public DeliveryResult handle(ConfirmDelivery command, Clock clock) {
        Instant deliveredAt = command.deliveredAt() != null ? command.deliveredAt() : clock.instant();
        require(!deliveredAt.isAfter(clock.instant()), ErrorCode.VALIDATION_FAILED,
                "A delivery cannot be confirmed in the future.");
        List<Shipment> targets;
        if (command.shipmentId() != null) {
            Shipment shipment = shipments.get(command.shipmentId());
            require(shipment != null, ErrorCode.SHIPMENT_NOT_FOUND,
                    "Order " + orderId + " has no shipment " + command.shipmentId() + ".");
            targets = List.of(shipment);
        } else {
            require(!shipments.isEmpty(), ErrorCode.SHIPMENT_NOT_FOUND,
                    "Order " + orderId + " has not shipped anything yet.");
            targets = List.copyOf(shipments.values());
        }
        targets.stream().filter(s -> !s.delivered()).sorted(Comparator.comparing(s -> s.shipmentId())).forEach(s -> {
            require(!deliveredAt.isBefore(s.shippedAt()), ErrorCode.DELIVERY_BEFORE_SHIPMENT,
                    "Shipment " + s.shipmentId() + " left on " + s.shippedAt() + "; it cannot be delivered before that.");
            apply(new OrderDelivered(orderId, s.shipmentId(), deliveredAt));
        });
        return new DeliveryResult(orderId, status(), fulfilment());
    }

    // ---- Money: payments and fees ----------------------------------------------------------------------------------

    @CommandHandler
    public OrderBalance handle(CapturePayment command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_ALREADY_CANCELLED,
                "Order " + orderId + " is cancelled; a payment cannot be captured for it.");
        requireOrderMoney(command.amount(), "payment");
        require(!paymentReferences.contains(paymentKey(command.provider(), command.reference())),
                ErrorCode.PAYMENT_ALREADY_RECORDED,
                "Payment " + command.reference() + " of " + command.provider() + " is already recorded on order "
                        + orderId + ".");
        BigDecimal after = captured.add(command.amount().amount());
        require(after.compareTo(orderTotal) <= 0, ErrorCode.PAYMENT_EXCEEDS_ORDER_TOTAL,
                "Order " + orderId + " totals " + orderTotal.toPlainString() + " " + currency + " and has "
                        + captured.toPlainString() + " captured; another " + command.amount().amount().toPlainString()
                        + " would exceed it.");
        apply(new PaymentCaptured(orderId, command.paymentId(), command.amount(), command.provider(),
                command.reference(), clock.instant()));
        return balance();
    }

    @CommandHandler
    public OrderBalance handle(RecordFee command, Clock clock) {
        requireOrderMoney(command.amount(), "fee");
        require(command.type() != null, ErrorCode.VALIDATION_FAILED, "A fee needs a type.");
        apply(new OrderFeeRecorded(orderId, command.feeId(), command.type(), command.amount(), command.description(),
                clock.instant()));
        return balance();
    }

    // ---- Returns ---------------------------------------------------------------------------------------------------

    @CommandHandler
    public ReturnResult handle(RequestReturn command, Clock clock) {
        require(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "A return needs at least one line.");
        require(!returns.containsKey(command.returnId()), ErrorCode.VALIDATION_FAILED,
                "Return " + command.returnId() + " already exists on order " + orderId + ".");
        Map<Integer, Integer> delivered = deliveredPerLine();
        Map<Integer, Integer> returned = returnedPerLine();
        Set<Integer> seen = new HashSet<>();
        List<ReturnLine> returnLines = new ArrayList<>();
        for (RequestReturn.Line line : command.lines()) {
            OrderLine ordered = lines.get(line.lineNo());
            require(ordered != null, ErrorCode.VALIDATION_FAILED,
                    "Order " + orderId + " has no line " + line.lineNo() + ".");
            require(seen.add(line.lineNo()), ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " appears twice in the return.");
            require(line.quantity() > 0, ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " must return a positive quantity.");
            require(line.reason() != null, ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " needs a return reason code.");
            int returnable = delivered.getOrDefault(line.lineNo(), 0) - returned.getOrDefault(line.lineNo(), 0);
            require(line.quantity() <= returnable, ErrorCode.RETURN_EXCEEDS_DELIVERED,
                    "Line " + line.lineNo() + " of order " + orderId + " has " + returnable
                            + " delivered units not yet returned; " + line.quantity() + " cannot be returned.");
            returnLines.add(new ReturnLine(line.lineNo(), ordered.sku(), line.quantity(), line.reason(),
                    line.note()));
        }
        apply(new ReturnRequested(orderId, command.returnId(), returnLines, clock.instant()));
        return returnResult(command.returnId());
    }

    @CommandHandler
    public ReturnResult handle(ReceiveReturn command, StockItemRegistry stockItems, Clock clock) {
        Return rma = requireReturn(command.returnId());
        require(rma.status() == ReturnStatus.REQUESTED, ErrorCode.RETURN_ALREADY_RECEIVED,
                "Return " + command.returnId() + " was already received in " + rma.warehouseId() + ".");
        for (ReturnLine line : rma.lines()) {
            require(stockItems.exists(command.warehouseId(), line.sku()), ErrorCode.STOCK_ITEM_NOT_FOUND,
                    "Warehouse " + command.warehouseId() + " does not carry " + line.sku()
                            + "; receive the return where that SKU is stocked.");
        }
        apply(new ReturnReceived(orderId, command.returnId(), command.warehouseId(), clock.instant()));
        return returnResult(command.returnId());
    }

    @CommandHandler
    public ReturnResult handle(RecordReturnInspection command, Clock clock) {
        Return rma = requireReturn(command.returnId());
        require(rma.status() != ReturnStatus.INSPECTED, ErrorCode.RETURN_ALREADY_INSPECTED,
                "Return " + command.returnId() + " was already inspected.");
        require(rma.status() == ReturnStatus.RECEIVED, ErrorCode.RETURN_NOT_RECEIVED,
                "Return " + command.returnId() + " has not been received yet; inspect it once it arrived.");
        Map<Integer, Integer> expected = new TreeMap<>();
        rma.lines().forEach(l -> expected.merge(l.lineNo(), l.quantity(), Integer::sum));
        Map<Integer, Integer> inspected = new TreeMap<>();
        List<InspectedLine> result = new ArrayList<>();
        for (InspectReturn.Entry entry : command.lines()) {
            require(expected.containsKey(entry.lineNo()), ErrorCode.INSPECTION_MISMATCH,
                    "Return " + command.returnId() + " has no units of line " + entry.lineNo() + ".");
            require(entry.quantity() > 0, ErrorCode.VALIDATION_FAILED,
                    "Inspected quantities must be positive (line " + entry.lineNo() + ").");
            require(entry.condition() != null && entry.disposition() != null, ErrorCode.VALIDATION_FAILED,
                    "Every inspected line needs a condition and a disposition (line " + entry.lineNo() + ").");
            inspected.merge(entry.lineNo(), entry.quantity(), Integer::sum);
            result.add(new InspectedLine(entry.lineNo(), lines.get(entry.lineNo()).sku(), entry.quantity(),
                    entry.condition(), entry.disposition()));
        }
        require(inspected.equals(expected), ErrorCode.INSPECTION_MISMATCH,
                "The inspection must account for every returned unit exactly once: returned " + expected
                        + " (line=units), inspected " + inspected + ".");
        apply(new ReturnInspected(orderId, command.returnId(), rma.warehouseId(), result, clock.instant()));
        return returnResult(command.returnId());
    }

    // ---- Refunds: earmark first, so that refunds together never exceed what was captured -------------------------

    @CommandHandler
    public RefundTerms handle(EarmarkRefund command, Clock clock) {
        require(captured.signum() > 0, ErrorCode.ORDER_NOT_PAID,
                "Order " + orderId + " has no captured payment; there is nothing to refund.");
        require(command.source() != null, ErrorCode.VALIDATION_FAILED, "A refund needs a source.");
        require(!earmarks.containsKey(command.refundId()), ErrorCode.VALIDATION_FAILED,
                "Refund " + command.refundId() + " is already earmarked on order " + orderId + ".");
        Return rma = null;
        if (command.source() == RefundSource.RETURN) {
            require(command.returnId() != null, ErrorCode.VALIDATION_FAILED,
                    "A refund for a return must name the return.");
            rma = requireReturn(command.returnId());
            require(rma.status() != ReturnStatus.REQUESTED, ErrorCode.RETURN_NOT_RECEIVED,
                    "Return " + command.returnId() + " has not been received yet; refund it once it arrived.");
            String returnId = command.returnId();
            require(earmarks.values().stream().noneMatch(e -> returnId.equals(e.returnId())),
                    ErrorCode.RETURN_ALREADY_REFUNDED,
                    "Return " + returnId + " already has a refund; reject that one first to request another.");
        } else {
            require(command.returnId() == null, ErrorCode.VALIDATION_FAILED,
                    "Only a refund with source RETURN may name a return.");
        }
        List<RefundLine> refundLines = new ArrayList<>();
        if (!command.lines().isEmpty()) {
            for (EarmarkRefund.Line line : command.lines()) {
                OrderLine ordered = lines.get(line.lineNo());
                require(ordered != null, ErrorCode.VALIDATION_FAILED,
                        "Order " + orderId + " has no line " + line.lineNo() + ".");
                require(line.quantity() > 0 && line.quantity() <= ordered.quantity(), ErrorCode.VALIDATION_FAILED,
                        "Line " + line.lineNo() + " can refund 1 to " + ordered.quantity() + " units.");
                refundLines.add(new RefundLine(line.lineNo(), ordered.sku(), line.quantity(),
                        unitsValue(ordered, line.quantity())));
            }
        } else if (rma != null) {
            for (ReturnLine line : rma.lines()) {
                refundLines.add(new RefundLine(line.lineNo(), line.sku(), line.quantity(),
                        unitsValue(lines.get(line.lineNo()), line.quantity())));
            }
        }
        BigDecimal linesValue = refundLines.stream().map(RefundLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount;
        if (command.amount() != null) {
            require(command.currency() == null || command.currency().equals(currency), ErrorCode.CURRENCY_MISMATCH,
                    "Order " + orderId + " is in " + currency + "; a refund in " + command.currency()
                            + " cannot be earmarked on it.");
            amount = command.amount();
            Inputs.requireMoney(currency, amount("amount", amount));
            require(refundLines.isEmpty() || amount.compareTo(linesValue) <= 0, ErrorCode.VALIDATION_FAILED,
                    "The refund amount " + amount.toPlainString() + " exceeds the value of its lines ("
                            + linesValue.toPlainString() + ").");
        } else {
            require(!refundLines.isEmpty(), ErrorCode.VALIDATION_FAILED,
                    "A refund needs an amount or lines.");
            amount = linesValue;
        }
        require(amount.signum() > 0, ErrorCode.VALIDATION_FAILED, "A refund amount must be positive.");
        BigDecimal refundable = refundable();
        require(amount.compareTo(refundable) <= 0, ErrorCode.REFUND_EXCEEDS_REFUNDABLE,
                "Order " + orderId + " can refund at most " + refundable.toPlainString() + " " + currency
                        + " (captured " + captured.toPlainString() + ", refunded " + refunded.toPlainString()
                        + ", earmarked " + earmarked().toPlainString() + "); " + amount.toPlainString()
                        + " was requested.");
        Money money = new Money(amount, currency);
        apply(new OrderRefundEarmarked(orderId, command.refundId(), money, command.source(), command.returnId(),
                clock.instant()));
        return new RefundTerms(money, refundLines, rma != null && rma.status() == ReturnStatus.INSPECTED);
    }

    @CommandHandler
    public OrderBalance handle(ApproveEarmarkedRefund command, Clock clock) {
        Earmark earmark = requireEarmark(command.refundId());
        require(!earmark.approved(), ErrorCode.REFUND_NOT_PENDING,
                "Refund " + command.refundId() + " is already approved.");
        apply(new OrderRefundApproved(orderId, command.refundId(), new Money(earmark.amount(), currency),
                clock.instant()));
        return balance();
    }

    @CommandHandler
    public OrderBalance handle(ReleaseEarmarkedRefund command, Clock clock) {
        Earmark earmark = requireEarmark(command.refundId());
        apply(new OrderRefundReleased(orderId, command.refundId(), new Money(earmark.amount(), currency),
                command.reason(), clock.instant()));
        return balance();
    }

    @CommandHandler
    public OrderBalance handle(SettleRefund command, Clock clock) {
        Earmark earmark = requireEarmark(command.refundId());
        require(earmark.approved(), ErrorCode.REFUND_NOT_APPROVED,
                "Refund " + command.refundId() + " is not approved and cannot be paid out.");
        apply(new OrderRefunded(orderId, command.refundId(), new Money(earmark.amount(), currency),
                command.paymentReference(), clock.instant()));
        return balance();
    }

    @CommandHandler
    public int handle(AllocateBackorder command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_ALREADY_CANCELLED, "Order " + orderId + " is cancelled.");
        int waiting = backorders.getOrDefault(command.lineNo(), 0);
        require(command.quantity() > 0 && command.quantity() <= waiting, ErrorCode.VALIDATION_FAILED,
                "Line " + command.lineNo() + " of order " + orderId + " waits for " + waiting + " units; "
                        + command.quantity() + " cannot be allocated to it.");
        apply(new BackorderAllocated(orderId, command.lineNo(), lines.get(command.lineNo()).sku(),
                command.warehouseId(), command.quantity(), clock.instant()));
        return backorders.getOrDefault(command.lineNo(), 0);
    }

    /**
     * Picking is optional (a warehouse that does not scan picks ships directly) but, when recorded, comes before
     * packing, and both before the shipment that clears them.
     */
    @CommandHandler
    public FulfilmentStage handle(PickOrder command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_NOT_SHIPPABLE, "Order " + orderId + " is cancelled.");
        List<ShippedLine> open = allocations.values().stream()
                .filter(a -> a.warehouseId().equals(command.warehouseId()) && a.open() > 0)
                .map(a -> new ShippedLine(a.lineNo(), a.sku(), a.open())).toList();
        require(!open.isEmpty(), ErrorCode.ORDER_NOT_SHIPPABLE,
                "Order " + orderId + " has nothing reserved left to pick in " + command.warehouseId() + ".");
        if (!stages.containsKey(command.warehouseId())) {
            apply(new OrderPicked(orderId, command.warehouseId(), open, command.pickedBy(), clock.instant()));
        }
        return stages.get(command.warehouseId());
    }

    @CommandHandler
    public FulfilmentStage handle(PackOrder command, Clock clock) {
        require(command.parcels() > 0, ErrorCode.VALIDATION_FAILED, "A packed order has at least one parcel.");
        FulfilmentStage stage = stages.get(command.warehouseId());
        require(stage != null, ErrorCode.ORDER_NOT_SHIPPABLE,
                "Order " + orderId + " was not picked in " + command.warehouseId() + "; pick it before packing.");
        if (stage != FulfilmentStage.PACKED) {
            apply(new OrderPacked(orderId, command.warehouseId(), command.parcels(), clock.instant()));
        }
        return stages.get(command.warehouseId());
    }

    // ---- Views for callers -----------------------------------------------------------------------------------------

    public OrderStatus status() {
        if (cancelled) {
            return OrderStatus.CANCELLED;
        }
        if (unitsShipped == 0) {
            return backorders.isEmpty() ? OrderStatus.PLACED : OrderStatus.BACKORDERED;
        }
        if (unitsShipped < unitsOrdered) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        return shipments.values().stream().allMatch(s -> s.delivered()) ? OrderStatus.DELIVERED : OrderStatus.SHIPPED;
    }

    public Instant shippedAt(String shipmentId) {
        Shipment shipment = shipments.get(shipmentId);
        return shipment == null ? null : shipment.shippedAt();
    }

    public PlacementResult placementResult() {
        List<LineAllocation> reserved = allocations.values().stream()
                .map(a -> new LineAllocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity())).toList();
        List<LineBackorder> waiting = backorders.entrySet().stream()
                .map(e -> new LineBackorder(e.getKey(), lines.get(e.getKey()).sku(), e.getValue())).toList();
        return new PlacementResult(orderId, status(), reserved, waiting, true);
    }

    public Fulfilment fulfilment() {
        Boolean onTime = null;
        Instant lastShipped = shipments.values().stream().map(Shipment::shippedAt).max(Comparator.naturalOrder())
                .orElse(null);
        if (lastShipped != null && promisedShipDate != null) {
            onTime = shipments.values().stream().noneMatch(s ->
                    LocalDate.ofInstant(s.shippedAt(), ZoneOffset.UTC).isAfter(promisedShipDate));
        }
        Instant lastDelivered = shipments.values().stream().map(Shipment::deliveredAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        BigDecimal shippingCost = shipments.values().stream().map(Shipment::shippingCost).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int delivered = (int) shipments.values().stream().filter(Shipment::delivered).count();
        return new Fulfilment(unitsOrdered, unitsShipped, shipments.size(), unitsShipped >= unitsOrdered, onTime,
                promisedShipDate, lastShipped, delivered, lastDelivered, shippingCost);
    }

    public OrderBalance balance() {
        return new OrderBalance(orderId, currency, orderTotal, captured, fees, earmarked(), refunded, refundable());
    }

    /** captured − refunded − earmarked: what new refunds may still take. */
    public BigDecimal refundable() {
        return captured.subtract(refunded).subtract(earmarked());
    }

    public BigDecimal earmarked() {
        return earmarks.values().stream().map(Earmark::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal refunded() {
        return refunded;
    }

    public BigDecimal captured() {
        return captured;
    }

    public ReturnResult returnResult(String returnId) {
        Return rma = returns.get(returnId);
        return new ReturnResult(orderId, returnId, rma.status(), rma.warehouseId(), rma.lines(), rma.inspected());
    }

    // ---- Event sourcing --------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        channelId = event.channelId();
        currency = event.currency();
        pricesIncludeTax = event.pricesIncludeTax();
        promisedShipDate = event.promisedShipDate();
        orderTotal = OrderAmounts.of(event).gross();
        event.lines().forEach(l -> {
            lines.put(l.lineNo(), l);
            unitsOrdered += l.quantity();
        });
        event.allocations().forEach(a -> allocations.put(allocationKey(a.lineNo(), a.warehouseId()),
                new Allocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity(), 0)));
        event.backorders().forEach(b -> backorders.merge(b.lineNo(), b.quantity(), Integer::sum));
    }

    @EventSourcingHandler
    void on(BackorderAllocated event) {
        allocations.merge(allocationKey(event.lineNo(), event.warehouseId()),
                new Allocation(event.lineNo(), event.sku(), event.warehouseId(), event.quantity(), 0),
                (a, b) -> new Allocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity() + b.quantity(),
                        a.shipped()));
        backorders.computeIfPresent(event.lineNo(), (line, waiting) ->
                waiting == event.quantity() ? null : waiting - event.quantity());
    }

    @EventSourcingHandler
    void on(OrderPicked event) {
        stages.put(event.warehouseId(), FulfilmentStage.PICKED);
    }

    @EventSourcingHandler
    void on(OrderPacked event) {
        stages.put(event.warehouseId(), FulfilmentStage.PACKED);
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        stages.remove(event.warehouseId()); // the next pick in this warehouse starts afresh
        Map<Integer, Integer> shippedLines = new TreeMap<>();
        event.lines().forEach(l -> {
            allocations.computeIfPresent(allocationKey(l.lineNo(), event.warehouseId()),
                    (k, a) -> new Allocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity(),
                            a.shipped() + l.quantity()));
            unitsShipped += l.quantity();
            shippedLines.merge(l.lineNo(), l.quantity(), Integer::sum);
        });
        shipments.put(event.shipmentId(), new Shipment(event.shipmentId(), event.shippedAt(), false, null,
                shippedLines, event.shippingCost()));
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        shipments.computeIfPresent(event.shipmentId(), (id, s) -> new Shipment(id, s.shippedAt(), true,
                event.deliveredAt(), s.lines(), s.shippingCost()));
    }

    @EventSourcingHandler
    void on(PaymentCaptured event) {
        captured = captured.add(event.amount().amount());
        paymentReferences.add(paymentKey(event.provider(), event.reference()));
    }

    @EventSourcingHandler
    void on(OrderFeeRecorded event) {
        fees = fees.add(event.amount().amount());
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        returns.put(event.returnId(), new Return(ReturnStatus.REQUESTED, null, event.lines(), List.of()));
    }

    @EventSourcingHandler
    void on(ReturnReceived event) {
        returns.computeIfPresent(event.returnId(), (id, r) -> new Return(ReturnStatus.RECEIVED, event.warehouseId(),
                r.lines(), List.of()));
    }

    @EventSourcingHandler
    void on(ReturnInspected event) {
        returns.computeIfPresent(event.returnId(), (id, r) -> new Return(ReturnStatus.INSPECTED, r.warehouseId(),
                r.lines(), event.lines()));
    }

    @EventSourcingHandler
    void on(OrderRefundEarmarked event) {
        earmarks.put(event.refundId(), new Earmark(event.amount().amount(), event.returnId(), false));
    }

    @EventSourcingHandler
    void on(OrderRefundApproved event) {
        earmarks.computeIfPresent(event.refundId(), (id, e) -> new Earmark(e.amount(), e.returnId(), true));
    }

    @EventSourcingHandler
    void on(OrderRefundReleased event) {
        earmarks.remove(event.refundId());
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        Earmark earmark = earmarks.remove(event.refundId());
        refunded = refunded.add(earmark != null ? earmark.amount() : event.amount().amount());
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------

    private void requireOrderMoney(Money amount, String what) {
        require(amount != null && amount.amount().signum() > 0, ErrorCode.VALIDATION_FAILED,
                "A " + what + " amount must be positive.");
        require(amount.currency().equals(currency), ErrorCode.CURRENCY_MISMATCH,
                "Order " + orderId + " is in " + currency + "; a " + what + " in " + amount.currency()
                        + " cannot be recorded on it.");
        Inputs.requireMoney(currency, amount("amount", amount.amount()));
    }

    private Return requireReturn(String returnId) {
        Return rma = returns.get(returnId);
        require(rma != null, ErrorCode.RETURN_NOT_FOUND, "Order " + orderId + " has no return " + returnId + ".");
        return rma;
    }

    private Earmark requireEarmark(String refundId) {
        Earmark earmark = earmarks.get(refundId);
        require(earmark != null, ErrorCode.REFUND_NOT_PENDING,
                "Refund " + refundId + " holds no earmark on order " + orderId + " (already paid out or released).");
        return earmark;
    }

    private Map<Integer, Integer> deliveredPerLine() {
        Map<Integer, Integer> delivered = new HashMap<>();
        shipments.values().stream().filter(Shipment::delivered)
                .forEach(s -> s.lines().forEach((lineNo, quantity) -> delivered.merge(lineNo, quantity, Integer::sum)));
        return delivered;
    }

    private Map<Integer, Integer> returnedPerLine() {
        Map<Integer, Integer> returned = new HashMap<>();
        returns.values().forEach(r -> r.lines().forEach(l -> returned.merge(l.lineNo(), l.quantity(), Integer::sum)));
        return returned;
    }

    /**
     * On a gross channel the line's tax is contained in its price, so it cannot exceed it (the net would be
     * negative); on a net channel the tax is added and any amount is consistent.
     */
    private static void requireTaxContainedInGrossPrice(OrderLine line, boolean pricesIncludeTax) {
        OrderAmounts.Line value = OrderAmounts.line(line, true);
        require(!pricesIncludeTax || value.net().signum() >= 0, ErrorCode.VALIDATION_FAILED,
                "Line " + line.lineNo() + " has tax " + nz(line.taxAmount()).toPlainString()
                        + " but its price, which includes tax on this channel, is only "
                        + value.gross().toPlainString() + ".");
    }

    /** What the customer paid for a line: its gross ({@link OrderAmounts}). */
    private BigDecimal lineValue(OrderLine line) {
        return OrderAmounts.line(line, pricesIncludeTax).gross();
    }

    /** The share of a line's value for {@code units} of it, rounded to the currency's decimals. */
    private BigDecimal unitsValue(OrderLine line, int units) {
        int scale = Currency.getInstance(currency).getDefaultFractionDigits();
        return lineValue(line).multiply(BigDecimal.valueOf(units))
                .divide(BigDecimal.valueOf(line.quantity()), scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal nz(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static String paymentKey(String provider, String reference) {
        return provider + "/" + reference;
    }

    private static String allocationKey(int lineNo, String warehouseId) {
        return lineNo + "@" + warehouseId;
    }

    /** Units of one line reserved in one warehouse, and how many of them have shipped. */
    record Allocation(int lineNo, String sku, String warehouseId, int quantity, int shipped) {
        int open() {
            return quantity - shipped;
        }
    }

    /** {@code lines}: lineNo → units in this shipment. */
    record Shipment(String shipmentId, Instant shippedAt, boolean delivered, Instant deliveredAt,
                    Map<Integer, Integer> lines, BigDecimal shippingCost) {
    }

    record Return(ReturnStatus status, String warehouseId, List<ReturnLine> lines, List<InspectedLine> inspected) {
    }

    record Earmark(BigDecimal amount, String returnId, boolean approved) {
    }
}
