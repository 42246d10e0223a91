package com.omniops.command.order;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.order.cancel.RecordOrderCancellation;
import com.omniops.command.order.deliver.ConfirmDelivery;
import com.omniops.command.order.place.PlacementResult;
import com.omniops.command.order.place.RecordOrderPlacement;
import com.omniops.command.order.ship.RecordShipment;
import com.omniops.command.order.ship.ShipOrder;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer order from one channel. It is born with its stock already reserved (see OrderPlacement) and guards what
 * may still happen to it: a cancellation only before anything shipped, shipments only of what is reserved for it.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Order {

    @AggregateIdentifier
    private String orderId;
    private String channelId;
    private boolean cancelled;
    private int unitsOrdered;
    private int unitsShipped;
    /** lineNo → sku */
    private Map<Integer, String> lineSkus = new HashMap<>();
    /** "lineNo@warehouse" → allocation still open or partly shipped */
    private Map<String, Allocation> allocations = new LinkedHashMap<>();
    private Map<Integer, Integer> backorders = new HashMap<>();
    /** shipmentId → shipment */
    private Map<String, Shipment> shipments = new LinkedHashMap<>();

    protected Order() {
    }

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
        }
        apply(new OrderPlaced(command.orderId(), command.channelId(), command.channelOrderRef(),
                command.customerId(), command.currency(), command.lines(), command.shippingCharge(),
                command.promisedShipDate(), command.allocations(), command.backorders(), clock.instant()));
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
        List<ShippedLine> lines = new ArrayList<>();
        if (command.lines().isEmpty()) {
            allocations.values().stream()
                    .filter(a -> a.warehouseId().equals(command.warehouseId()) && a.open() > 0)
                    .forEach(a -> lines.add(new ShippedLine(a.lineNo(), a.sku(), a.open())));
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
                lines.add(new ShippedLine(lineNo, lineSkus.get(lineNo), quantity));
            });
        }
        require(!lines.isEmpty(), ErrorCode.ORDER_NOT_SHIPPABLE,
                "Order " + orderId + " has nothing reserved left to ship from " + command.warehouseId() + ".");
        apply(new OrderShipped(orderId, command.shipmentId(), command.warehouseId(), lines, command.carrier(),
                command.trackingNumber(), shippedAt));
        return lines;
    }

    @CommandHandler
    public OrderStatus handle(ConfirmDelivery command, Clock clock) {
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
        return status();
    }

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

    public PlacementResult placementResult() {
        List<LineAllocation> reserved = allocations.values().stream()
                .map(a -> new LineAllocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity())).toList();
        List<LineBackorder> waiting = backorders.entrySet().stream()
                .map(e -> new LineBackorder(e.getKey(), lineSkus.get(e.getKey()), e.getValue())).toList();
        return new PlacementResult(orderId, status(), reserved, waiting, true);
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        channelId = event.channelId();
        event.lines().forEach(l -> {
            lineSkus.put(l.lineNo(), l.sku());
            unitsOrdered += l.quantity();
        });
        event.allocations().forEach(a -> allocations.put(allocationKey(a.lineNo(), a.warehouseId()),
                new Allocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity(), 0)));
        event.backorders().forEach(b -> backorders.merge(b.lineNo(), b.quantity(), Integer::sum));
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        event.lines().forEach(l -> {
            allocations.computeIfPresent(allocationKey(l.lineNo(), event.warehouseId()),
                    (k, a) -> new Allocation(a.lineNo(), a.sku(), a.warehouseId(), a.quantity(),
                            a.shipped() + l.quantity()));
            unitsShipped += l.quantity();
        });
        shipments.put(event.shipmentId(), new Shipment(event.shipmentId(), event.shippedAt(), false));
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        shipments.computeIfPresent(event.shipmentId(), (id, s) -> new Shipment(id, s.shippedAt(), true));
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

    record Shipment(String shipmentId, Instant shippedAt, boolean delivered) {
    }
}
