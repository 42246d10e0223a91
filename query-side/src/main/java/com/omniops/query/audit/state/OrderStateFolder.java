package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import com.omniops.projections.orderboard.OrderBoardStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Order: status, lines, allocations per warehouse (reserved, released, shipped), backorders and shipments. */
@Component
public class OrderStateFolder implements AuditStateFolder<OrderStateFolder.OrderState> {

    @Override
    public String aggregateType() {
        return "Order";
    }

    @Override
    public OrderState initial(String aggregateId) {
        return new OrderState(aggregateId);
    }

    @Override
    public OrderState apply(OrderState s, Object event) {
        if (event instanceof OrderPlaced e) {
            s.channelId = e.channelId();
            s.channelOrderRef = e.channelOrderRef();
            s.customerId = e.customerId();
            s.currency = e.currency();
            s.shippingCharge = e.shippingCharge();
            s.promisedShipDate = e.promisedShipDate();
            s.placedAt = e.placedAt();
            for (OrderLine l : e.lines()) {
                s.lines.put(l.lineNo(), new Line(l.lineNo(), l.sku(), l.quantity(), l.unitPrice(), l.discount(),
                        l.taxAmount()));
            }
            for (LineAllocation a : e.allocations()) {
                s.allocation(a.lineNo(), a.sku(), a.warehouseId()).reserved += a.quantity();
                s.line(a.lineNo()).allocated += a.quantity();
            }
            for (LineBackorder b : e.backorders()) {
                s.backorders.add(b);
                s.line(b.lineNo()).backordered += b.quantity();
            }
        } else if (event instanceof OrderCancelled e) {
            s.cancelled = true;
            s.cancelledAt = e.cancelledAt();
            s.cancelReason = e.reason();
            for (LineAllocation a : e.releasedAllocations()) {
                s.allocation(a.lineNo(), a.sku(), a.warehouseId()).released += a.quantity();
            }
        } else if (event instanceof OrderShipped e) {
            Shipment shipment = new Shipment(e.shipmentId(), e.warehouseId(), e.carrier(), e.trackingNumber(),
                    e.shippedAt(), e.lines());
            s.shipments.put(e.shipmentId(), shipment);
            for (ShippedLine l : e.lines()) {
                s.line(l.lineNo()).shipped += l.quantity();
                s.allocation(l.lineNo(), l.sku(), e.warehouseId()).shipped += l.quantity();
            }
        } else if (event instanceof OrderDelivered e) {
            Shipment shipment = s.shipments.get(e.shipmentId());
            if (shipment == null) {
                throw new IllegalStateException("Order " + s.orderId + " has no shipment " + e.shipmentId());
            }
            shipment.deliveredAt = e.deliveredAt();
        } else {
            throw new IllegalArgumentException("Not an order event: " + event.getClass().getName());
        }
        s.refreshStatus();
        return s;
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class OrderState {
        private final String orderId;
        private String channelId;
        private String channelOrderRef;
        private String customerId;
        private String currency;
        private OrderBoardStatus status;
        private BigDecimal shippingCharge;
        private LocalDate promisedShipDate;
        private Instant placedAt;
        private boolean cancelled;
        private Instant cancelledAt;
        private String cancelReason;
        private int unitsOrdered;
        private int unitsShipped;
        private final Map<Integer, Line> lines = new TreeMap<>();
        private final Map<String, Allocation> allocations = new TreeMap<>();
        private final List<LineBackorder> backorders = new ArrayList<>();
        private final Map<String, Shipment> shipments = new LinkedHashMap<>();

        OrderState(String orderId) {
            this.orderId = orderId;
        }

        public OrderBoardStatus status() {
            return status;
        }

        public Map<String, Shipment> shipments() {
            return shipments;
        }

        private Line line(int lineNo) {
            Line line = lines.get(lineNo);
            if (line == null) {
                throw new IllegalStateException("Order " + orderId + " has no line " + lineNo);
            }
            return line;
        }

        private Allocation allocation(int lineNo, String sku, String warehouseId) {
            return allocations.computeIfAbsent(lineNo + "@" + warehouseId,
                    k -> new Allocation(lineNo, sku, warehouseId));
        }

        private void refreshStatus() {
            unitsOrdered = lines.values().stream().mapToInt(l -> l.quantity).sum();
            unitsShipped = lines.values().stream().mapToInt(l -> l.shipped).sum();
            int backordered = lines.values().stream().mapToInt(l -> l.backordered).sum();
            boolean allDelivered = !shipments.isEmpty()
                    && shipments.values().stream().allMatch(sh -> sh.deliveredAt != null);
            status = OrderBoardStatus.derive(cancelled, unitsOrdered, backordered, unitsShipped, allDelivered);
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Line {
        private final int lineNo;
        private final String sku;
        private final int quantity;
        private final BigDecimal unitPrice;
        private final BigDecimal discount;
        private final BigDecimal taxAmount;
        private int allocated;
        private int backordered;
        private int shipped;

        Line(int lineNo, String sku, int quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal taxAmount) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.discount = discount;
            this.taxAmount = taxAmount;
        }
    }

    /** Units of a line in one warehouse: reserved at placement, released by a cancellation, shipped from there. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Allocation {
        private final int lineNo;
        private final String sku;
        private final String warehouseId;
        private int reserved;
        private int released;
        private int shipped;

        Allocation(int lineNo, String sku, String warehouseId) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.warehouseId = warehouseId;
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class Shipment {
        private final String shipmentId;
        private final String warehouseId;
        private final String carrier;
        private final String trackingNumber;
        private final Instant shippedAt;
        private final List<ShippedLine> lines;
        private Instant deliveredAt;

        Shipment(String shipmentId, String warehouseId, String carrier, String trackingNumber, Instant shippedAt,
                 List<ShippedLine> lines) {
            this.shipmentId = shipmentId;
            this.warehouseId = warehouseId;
            this.carrier = carrier;
            this.trackingNumber = trackingNumber;
            this.shippedAt = shippedAt;
            this.lines = List.copyOf(lines);
        }
    }
}
