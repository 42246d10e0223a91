package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.order.ShippedLine;
import com.omniops.projections.orderboard.OrderBoardStatus;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Fee;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Payment;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Refund;
import com.omniops.query.audit.state.OrderMoneyAndReturns.Return;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order as its events tell it ({@link OrderStateFolder} writes it), with its lines, allocations, warehouse steps and
 * shipments; its money, returns and refunds are {@link OrderMoneyAndReturns}. Serialized as it is, field by field.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class OrderState {
    final String orderId;
    String channelId;
    String channelOrderRef;
    String customerId;
    String currency;
    boolean pricesIncludeTax;
    OrderBoardStatus status;
    BigDecimal shippingCharge;
    LocalDate promisedShipDate;
    Instant placedAt;
    boolean cancelled;
    Instant cancelledAt;
    /** When the order's ship-by deadline found units unshipped after its promised ship date (null: never). */
    Instant overdueSince;
    String cancelReason;
    int unitsOrdered;
    int unitsBackordered;
    int unitsShipped;
    int unitsReturned;
    BigDecimal captured = BigDecimal.ZERO;
    BigDecimal feesTotal = BigDecimal.ZERO;
    BigDecimal earmarked = BigDecimal.ZERO;
    BigDecimal refunded = BigDecimal.ZERO;
    /** captured − refunded − earmarked: what further refunds may still take (never negative). */
    BigDecimal refundable = BigDecimal.ZERO;
    final Map<Integer, Line> lines = new TreeMap<>();
    final Map<String, Allocation> allocations = new TreeMap<>();
    /** Warehouses whose units are picked or packed and not shipped yet. */
    final Map<String, WarehouseStep> steps = new TreeMap<>();
    final Map<String, Shipment> shipments = new LinkedHashMap<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Fee> fees = new ArrayList<>();
    final Map<String, Return> returns = new LinkedHashMap<>();
    final Map<String, Refund> refunds = new LinkedHashMap<>();
    /** Events that do not fit the history before them (empty for every order the command side wrote). */
    final List<String> anomalies = new ArrayList<>();

    OrderState(String orderId) {
        this.orderId = orderId;
    }

    // An event that refers to a line, return or refund the history does not have is an anomaly an auditor must
    // see, not a reason to refuse the whole state: it is listed and folded onto an empty placeholder.

    Line line(int lineNo) {
        return lines.computeIfAbsent(lineNo, n -> {
            anomalies.add("an event refers to line " + n + ", which the order was not placed with");
            return new Line(n, null, 0, null, null, null);
        });
    }

    Return returnOf(String returnId) {
        return returns.computeIfAbsent(returnId, id -> {
            anomalies.add("an event refers to return " + id + ", which was never requested");
            return new Return(id, List.of(), null);
        });
    }

    Refund refundOf(String refundId) {
        return refunds.computeIfAbsent(refundId, id -> {
            anomalies.add("an event refers to refund " + id + ", whose money was never earmarked");
            return new Refund(id, null, null, null, null);
        });
    }

    Allocation allocation(int lineNo, String sku, String warehouseId) {
        return allocations.computeIfAbsent(lineNo + "@" + warehouseId,
                k -> new Allocation(lineNo, sku, warehouseId));
    }

    WarehouseStep step(String warehouseId) {
        return steps.computeIfAbsent(warehouseId, WarehouseStep::new);
    }

    /** The derived figures, recomputed after every event from what the events recorded. */
    void refresh() {
        unitsOrdered = lines.values().stream().mapToInt(l -> l.quantity).sum();
        unitsShipped = lines.values().stream().mapToInt(l -> l.shipped).sum();
        unitsBackordered = lines.values().stream().mapToInt(l -> l.backordered).sum();
        unitsReturned = lines.values().stream().mapToInt(l -> l.returned).sum();
        boolean allDelivered = !shipments.isEmpty()
                && shipments.values().stream().allMatch(sh -> sh.deliveredAt != null);
        status = OrderBoardStatus.derive(cancelled, unitsOrdered, unitsBackordered, unitsShipped, allDelivered);
        refundable = captured.subtract(refunded).subtract(earmarked);
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Line {
        final int lineNo;
        final String sku;
        final int quantity;
        final BigDecimal unitPrice;
        final BigDecimal discount;
        final BigDecimal taxAmount;
        int allocated;
        int backordered;
        int shipped;
        /** Units authorised for return (RMA). */
        int returned;

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
        final int lineNo;
        final String sku;
        final String warehouseId;
        int reserved;
        int released;
        int shipped;

        Allocation(int lineNo, String sku, String warehouseId) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.warehouseId = warehouseId;
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class WarehouseStep {
        final String warehouseId;
        String stage;
        Instant pickedAt;
        String pickedBy;
        Instant packedAt;
        Integer parcels;

        WarehouseStep(String warehouseId) {
            this.warehouseId = warehouseId;
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    static final class Shipment {
        final String shipmentId;
        final String warehouseId;
        final String carrier;
        final String trackingNumber;
        final BigDecimal shippingCost;
        final Instant shippedAt;
        final List<ShippedLine> lines;
        Instant deliveredAt;

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
}
