package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.Money;
import com.omniops.events.order.BackorderAllocated;
import com.omniops.events.order.FeeType;
import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.order.OrderLine;
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
import com.omniops.events.refund.RefundSource;
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

/**
 * Order: status, lines, allocations per warehouse (reserved at placement or from a backorder, released, shipped),
 * picking and packing per warehouse, shipments and deliveries, payments and fees, returns and their inspection, and
 * the refundable balance (captured − refunded − earmarked) with each refund's earmark.
 */
@Component
public class OrderStateFolder implements AuditStateFolder<OrderStateFolder.OrderState, OrderEvent> {

    @Override
    public String aggregateType() {
        return "Order";
    }

    @Override
    public OrderState initial(String aggregateId) {
        return new OrderState(aggregateId);
    }

    @Override
    public Class<OrderEvent> events() {
        return OrderEvent.class;
    }

    @Override
    public void fold(OrderState s, OrderEvent event) {
        switch (event) {
            case OrderPlaced e -> placed(s, e);
            case BackorderAllocated e -> {
                Line line = s.line(e.lineNo());
                line.allocated += e.quantity();
                line.backordered -= e.quantity();
                s.allocation(e.lineNo(), e.sku(), e.warehouseId()).reserved += e.quantity();
            }
            case OrderCancelled e -> {
                s.cancelled = true;
                s.cancelledAt = e.cancelledAt();
                s.cancelReason = e.reason();
                for (LineAllocation a : e.releasedAllocations()) {
                    s.allocation(a.lineNo(), a.sku(), a.warehouseId()).released += a.quantity();
                }
            }
            case OrderPicked e -> {
                WarehouseStep step = s.steps.computeIfAbsent(e.warehouseId(), WarehouseStep::new);
                step.stage = "PICKED";
                step.pickedAt = e.pickedAt();
                step.pickedBy = e.pickedBy();
            }
            case OrderPacked e -> {
                WarehouseStep step = s.steps.computeIfAbsent(e.warehouseId(), WarehouseStep::new);
                step.stage = "PACKED";
                step.packedAt = e.packedAt();
                step.parcels = e.parcels();
            }
            case OrderShipped e -> {
                s.shipments.put(e.shipmentId(), new Shipment(e.shipmentId(), e.warehouseId(), e.carrier(),
                        e.trackingNumber(), e.shippingCost(), e.shippedAt(), e.lines()));
                for (ShippedLine l : e.lines()) {
                    s.line(l.lineNo()).shipped += l.quantity();
                    s.allocation(l.lineNo(), l.sku(), e.warehouseId()).shipped += l.quantity();
                }
                s.steps.remove(e.warehouseId()); // picked and packed units have left with the shipment
            }
            case OrderDelivered e -> {
                Shipment shipment = s.shipments.get(e.shipmentId());
                if (shipment == null) {
                    s.anomalies.add("OrderDelivered for shipment " + e.shipmentId() + ", which was never shipped");
                } else {
                    shipment.deliveredAt = e.deliveredAt();
                }
            }
            case PaymentCaptured e -> {
                s.payments.add(new Payment(e.paymentId(), e.amount(), e.provider(), e.reference(), e.capturedAt()));
                s.captured = s.captured.add(e.amount().amount());
            }
            case OrderFeeRecorded e -> {
                s.fees.add(new Fee(e.feeId(), e.type(), e.amount(), e.description(), e.recordedAt()));
                s.feesTotal = s.feesTotal.add(e.amount().amount());
            }
            case ReturnRequested e -> {
                s.returns.put(e.returnId(), new Return(e.returnId(), e.lines(), e.requestedAt()));
                for (ReturnLine l : e.lines()) {
                    s.line(l.lineNo()).returned += l.quantity();
                }
            }
            case ReturnReceived e -> {
                Return r = s.returnOf(e.returnId());
                r.status = "RECEIVED";
                r.warehouseId = e.warehouseId();
                r.receivedAt = e.receivedAt();
            }
            case ReturnInspected e -> {
                Return r = s.returnOf(e.returnId());
                r.status = "INSPECTED";
                r.warehouseId = e.warehouseId();
                r.inspectedAt = e.inspectedAt();
                r.inspected.addAll(e.lines());
            }
            case OrderRefundEarmarked e -> {
                s.refunds.put(e.refundId(), new Refund(e.refundId(), e.amount(), e.source(), e.returnId(),
                        e.earmarkedAt()));
                s.earmarked = s.earmarked.add(e.amount().amount());
            }
            case OrderRefundApproved e -> {
                Refund r = s.refundOf(e.refundId());
                r.status = "APPROVED";
                r.approvedAt = e.approvedAt();
            }
            case OrderRefundReleased e -> {
                Refund r = s.refundOf(e.refundId());
                r.status = "RELEASED";
                r.releaseReason = e.reason();
                r.endedAt = e.releasedAt();
                s.earmarked = s.earmarked.subtract(e.amount().amount());
            }
            case OrderRefunded e -> {
                Refund r = s.refundOf(e.refundId());
                r.status = "REFUNDED";
                r.paymentReference = e.paymentReference();
                r.endedAt = e.refundedAt();
                s.earmarked = s.earmarked.subtract(e.amount().amount());
                s.refunded = s.refunded.add(e.amount().amount());
            }
        }
        // after every event: the derived figures follow from what the events recorded
        s.refresh();
    }

    private static void placed(OrderState s, OrderPlaced e) {
        s.channelId = e.channelId();
        s.channelOrderRef = e.channelOrderRef();
        s.customerId = e.customerId();
        s.currency = e.currency();
        s.pricesIncludeTax = e.pricesIncludeTax();
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
            s.line(b.lineNo()).backordered += b.quantity();
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class OrderState {
        private final String orderId;
        private String channelId;
        private String channelOrderRef;
        private String customerId;
        private String currency;
        private boolean pricesIncludeTax;
        private OrderBoardStatus status;
        private BigDecimal shippingCharge;
        private LocalDate promisedShipDate;
        private Instant placedAt;
        private boolean cancelled;
        private Instant cancelledAt;
        private String cancelReason;
        private int unitsOrdered;
        private int unitsBackordered;
        private int unitsShipped;
        private int unitsReturned;
        private BigDecimal captured = BigDecimal.ZERO;
        private BigDecimal feesTotal = BigDecimal.ZERO;
        private BigDecimal earmarked = BigDecimal.ZERO;
        private BigDecimal refunded = BigDecimal.ZERO;
        /** captured − refunded − earmarked: what further refunds may still take (never negative). */
        private BigDecimal refundable = BigDecimal.ZERO;
        private final Map<Integer, Line> lines = new TreeMap<>();
        private final Map<String, Allocation> allocations = new TreeMap<>();
        /** Warehouses whose units are picked or packed and not shipped yet. */
        private final Map<String, WarehouseStep> steps = new TreeMap<>();
        private final Map<String, Shipment> shipments = new LinkedHashMap<>();
        private final List<Payment> payments = new ArrayList<>();
        private final List<Fee> fees = new ArrayList<>();
        private final Map<String, Return> returns = new LinkedHashMap<>();
        private final Map<String, Refund> refunds = new LinkedHashMap<>();
        /** Events that do not fit the history before them (empty for every order the command side wrote). */
        private final List<String> anomalies = new ArrayList<>();

        OrderState(String orderId) {
            this.orderId = orderId;
        }

        public OrderBoardStatus status() {
            return status;
        }

        public Map<String, Shipment> shipments() {
            return shipments;
        }

        public BigDecimal refundable() {
            return refundable;
        }

        public List<String> anomalies() {
            return anomalies;
        }

        // An event that refers to a line, return or refund the history does not have is an anomaly an auditor must
        // see, not a reason to refuse the whole state: it is listed and folded onto an empty placeholder.

        private Line line(int lineNo) {
            return lines.computeIfAbsent(lineNo, n -> {
                anomalies.add("an event refers to line " + n + ", which the order was not placed with");
                return new Line(n, null, 0, null, null, null);
            });
        }

        private Return returnOf(String returnId) {
            return returns.computeIfAbsent(returnId, id -> {
                anomalies.add("an event refers to return " + id + ", which was never requested");
                return new Return(id, List.of(), null);
            });
        }

        private Refund refundOf(String refundId) {
            return refunds.computeIfAbsent(refundId, id -> {
                anomalies.add("an event refers to refund " + id + ", whose money was never earmarked");
                return new Refund(id, null, null, null, null);
            });
        }

        private Allocation allocation(int lineNo, String sku, String warehouseId) {
            return allocations.computeIfAbsent(lineNo + "@" + warehouseId,
                    k -> new Allocation(lineNo, sku, warehouseId));
        }

        private void refresh() {
            unitsOrdered = lines.values().stream().mapToInt(l -> l.quantity).sum();
            unitsShipped = lines.values().stream().mapToInt(l -> l.shipped).sum();
            unitsBackordered = lines.values().stream().mapToInt(l -> l.backordered).sum();
            unitsReturned = lines.values().stream().mapToInt(l -> l.returned).sum();
            boolean allDelivered = !shipments.isEmpty()
                    && shipments.values().stream().allMatch(sh -> sh.deliveredAt != null);
            status = OrderBoardStatus.derive(cancelled, unitsOrdered, unitsBackordered, unitsShipped, allDelivered);
            refundable = captured.subtract(refunded).subtract(earmarked);
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
        /** Units authorised for return (RMA). */
        private int returned;

        Line(int lineNo, String sku, int quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal taxAmount) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.discount = discount;
            this.taxAmount = taxAmount;
        }
    }

    /** Units of a line in one warehouse: reserved (at placement or from a backorder), released, shipped from there. */
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
    static final class WarehouseStep {
        private final String warehouseId;
        private String stage;
        private Instant pickedAt;
        private String pickedBy;
        private Instant packedAt;
        private Integer parcels;

        WarehouseStep(String warehouseId) {
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
        private final BigDecimal shippingCost;
        private final Instant shippedAt;
        private final List<ShippedLine> lines;
        private Instant deliveredAt;

        Shipment(String shipmentId, String warehouseId, String carrier, String trackingNumber,
                 BigDecimal shippingCost, Instant shippedAt, List<ShippedLine> lines) {
            this.shipmentId = shipmentId;
            this.warehouseId = warehouseId;
            this.carrier = carrier;
            this.trackingNumber = trackingNumber;
            this.shippingCost = shippingCost;
            this.shippedAt = shippedAt;
            this.lines = List.copyOf(lines);
        }
    }

    public record Payment(String paymentId, Money amount, String provider, String reference, Instant capturedAt) {
    }

    public record Fee(String feeId, FeeType type, Money amount, String description, Instant recordedAt) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Return {
        private final String returnId;
        private final List<ReturnLine> lines;
        private final Instant requestedAt;
        private String status = "REQUESTED";
        private String warehouseId;
        private Instant receivedAt;
        private Instant inspectedAt;
        private final List<InspectedLine> inspected = new ArrayList<>();

        Return(String returnId, List<ReturnLine> lines, Instant requestedAt) {
            this.returnId = returnId;
            this.lines = List.copyOf(lines);
            this.requestedAt = requestedAt;
        }
    }

    /** A refund as the order sees it: money earmarked, then approved, released (rejected) or refunded. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Refund {
        private final String refundId;
        private final Money amount;
        private final RefundSource source;
        private final String returnId;
        private final Instant earmarkedAt;
        private String status = "EARMARKED";
        private Instant approvedAt;
        private Instant endedAt;
        private String releaseReason;
        private String paymentReference;

        Refund(String refundId, Money amount, RefundSource source, String returnId, Instant earmarkedAt) {
            this.refundId = refundId;
            this.amount = amount;
            this.source = source;
            this.returnId = returnId;
            this.earmarkedAt = earmarkedAt;
        }
    }
}
