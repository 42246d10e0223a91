package com.omniops.command.order.fulfilment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.order.backorder.RecordBackorderAllocation;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.deliver.DeliveryResult;
import com.omniops.command.order.pick.PackOrder;
import com.omniops.command.order.pick.PickOrder;
import com.omniops.command.order.ship.RecordShipment;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderPacked;
import com.omniops.events.order.OrderPicked;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.OrderStatus;
import com.omniops.events.order.ShippedLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static com.omniops.command.rule.Inputs.amount;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The order's way to the customer (a member of Order): what is reserved for it per line and warehouse, what waits
 * for stock, how far picking and packing got, and its shipments and their delivery. Shipments only of what is
 * reserved, nothing at all once the order is cancelled. Keeps the few placement facts it needs from the events.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderFulfilment {

    private String orderId;
    private String currency;
    private boolean cancelled;
    private int unitsOrdered;
    private int unitsShipped;
    private LocalDate promisedShipDate;
    /** "lineNo@warehouse" → allocation still open or partly shipped */
    private Map<String, Allocation> allocations = new LinkedHashMap<>();
    /** lineNo → units still waiting for stock */
    private Map<Integer, LineBackorder> backorders = new TreeMap<>();
    /** warehouse → how far the units reserved there have got (no entry: not picked yet) */
    private Map<String, FulfilmentStage> stages = new HashMap<>();
    /** shipmentId → shipment */
    private Map<String, Shipment> shipments = new LinkedHashMap<>();

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
            openIn(command.warehouseId()).forEach(a -> shipped.add(new ShippedLine(a.lineNo(), a.sku(), a.open())));
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
                shipped.add(new ShippedLine(lineNo, allocation.sku(), quantity));
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
        targets.stream().filter(s -> !s.delivered()).sorted(Comparator.comparing(Shipment::shipmentId)).forEach(s -> {
            require(!deliveredAt.isBefore(s.shippedAt()), ErrorCode.DELIVERY_BEFORE_SHIPMENT,
                    "Shipment " + s.shipmentId() + " left on " + s.shippedAt() + "; it cannot be delivered before that.");
            apply(new OrderDelivered(orderId, s.shipmentId(), deliveredAt));
        });
        return new DeliveryResult(orderId, status(), view());
    }

    /**
     * Picking is optional (a warehouse that does not scan picks ships directly) but, when recorded, comes before
     * packing, and both before the shipment that clears them.
     */
    @CommandHandler
    public FulfilmentStage handle(PickOrder command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_NOT_SHIPPABLE, "Order " + orderId + " is cancelled.");
        List<ShippedLine> open = openIn(command.warehouseId()).stream()
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

    /** Returns the units of the line still waiting after this allocation. */
    @CommandHandler
    public int handle(RecordBackorderAllocation command, Clock clock) {
        require(!cancelled, ErrorCode.ORDER_ALREADY_CANCELLED, "Order " + orderId + " is cancelled.");
        LineBackorder backorder = backorders.get(command.lineNo());
        int waiting = backorder == null ? 0 : backorder.quantity();
        require(command.quantity() > 0 && command.quantity() <= waiting, ErrorCode.VALIDATION_FAILED,
                "Line " + command.lineNo() + " of order " + orderId + " waits for " + waiting + " units; "
                        + command.quantity() + " cannot be allocated to it.");
        apply(new BackorderAllocated(orderId, command.lineNo(), backorder.sku(), command.warehouseId(),
                command.quantity(), clock.instant()));
        LineBackorder left = backorders.get(command.lineNo());
        return left == null ? 0 : left.quantity();
    }

    // ---- Facts for the root and the other members ------------------------------------------------------------------

    public boolean cancelled() {
        return cancelled;
    }

    public int unitsShipped() {
        return unitsShipped;
    }

    /** Everything reserved for the order, shipped or not, as allocated. */
    public List<LineAllocation> reservations() {
        return allocations.values().stream()
                .map(a -> new LineAllocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity())).toList();
    }

    public List<LineBackorder> backorders() {
        return List.copyOf(backorders.values());
    }

    public OrderStatus status() {
        int backordered = backorders.values().stream().mapToInt(LineBackorder::quantity).sum();
        return OrderStatus.of(cancelled, unitsOrdered, backordered, unitsShipped,
                shipments.values().stream().allMatch(Shipment::delivered));
    }

    public Fulfilment view() {
        return Fulfilment.of(unitsOrdered, unitsShipped, promisedShipDate, shipments.values());
    }

    public Instant shippedAt(String shipmentId) {
        Shipment shipment = shipments.get(shipmentId);
        return shipment == null ? null : shipment.shippedAt();
    }

    /** lineNo → units delivered to the customer. */
    public Map<Integer, Integer> deliveredPerLine() {
        Map<Integer, Integer> delivered = new HashMap<>();
        shipments.values().stream().filter(Shipment::delivered)
                .forEach(s -> s.lines().forEach((lineNo, quantity) -> delivered.merge(lineNo, quantity, Integer::sum)));
        return delivered;
    }

    // ---- Event sourcing --------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        currency = event.currency();
        promisedShipDate = event.promisedShipDate();
        event.lines().forEach(l -> unitsOrdered += l.quantity());
        event.allocations().forEach(a -> allocations.put(allocationKey(a.lineNo(), a.warehouseId()),
                new Allocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity(), 0)));
        event.backorders().forEach(b -> backorders.merge(b.lineNo(), b,
                (x, y) -> new LineBackorder(x.lineNo(), x.sku(), x.quantity() + y.quantity())));
    }

    @EventSourcingHandler
    void on(BackorderAllocated event) {
        allocations.merge(allocationKey(event.lineNo(), event.warehouseId()),
                new Allocation(event.lineNo(), event.sku(), event.warehouseId(), event.quantity(), 0),
                (a, b) -> new Allocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity() + b.quantity(),
                        a.shipped()));
        backorders.computeIfPresent(event.lineNo(), (line, waiting) -> waiting.quantity() == event.quantity() ? null
                : new LineBackorder(line, waiting.sku(), waiting.quantity() - event.quantity()));
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        cancelled = true;
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

    private List<Allocation> openIn(String warehouseId) {
        return allocations.values().stream().filter(a -> a.warehouseId().equals(warehouseId) && a.open() > 0)
                .toList();
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
}
