package com.omniops.projections.orderboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything customer service sees about one order. Amounts are in {@code currency}. */
public record OrderDetails(String orderId, String channelId, String channelOrderRef, String customerId,
                           String currency, OrderBoardStatus status, Instant placedAt, LocalDate promisedShipDate,
                           Instant cancelledAt, String cancelReason, Instant lastShippedAt, Instant deliveredAt,
                           Totals totals, Fulfilment fulfilment, Money money, List<Line> lines,
                           List<Backorder> backorders, List<Shipment> shipments, List<Return> returns,
                           List<Refund> refunds, List<WarehouseStep> picking) {

    public OrderDetails {
        lines = List.copyOf(lines);
        backorders = List.copyOf(backorders);
        shipments = List.copyOf(shipments);
        returns = List.copyOf(returns);
        refunds = List.copyOf(refunds);
        picking = List.copyOf(picking);
    }

    /**
     * {@code complete}: every ordered unit shipped; {@code onTime}: no shipment left after the promised ship date (null
     * while nothing shipped); {@code shippingCost}: carrier cost recorded on the shipments.
     */
    public record Fulfilment(int shipments, boolean complete, Boolean onTime, BigDecimal shippingCost) {
    }

    /**
     * Payment and refund state. {@code refundable} = captured − refunded − refundEarmarked. {@code paymentStatus}:
     * UNPAID, PARTIALLY_PAID, PAID; {@code refundStatus}: NONE, PENDING (money earmarked for open refunds),
     * PARTIALLY_REFUNDED, REFUNDED.
     */
    public record Money(BigDecimal captured, BigDecimal fees, BigDecimal refundEarmarked, BigDecimal refunded,
                        BigDecimal refundable, String paymentStatus, String refundStatus, int unitsReturned) {
    }

    /** A return (RMA): REQUESTED, RECEIVED (into {@code warehouseId}) or INSPECTED. */
    public record Return(String returnId, String status, int units, String warehouseId, Instant requestedAt,
                         Instant receivedAt, Instant inspectedAt) {
    }

    /** A refund as the order sees it: REQUESTED, APPROVED, REJECTED or ISSUED. */
    public record Refund(String refundId, BigDecimal amount, String source, String returnId, String status,
                         Instant requestedAt, Instant refundedAt, String paymentReference) {
    }

    /**
     * The one totals rule ({@code OrderAmounts}): {@code orderTotal} (gross, what the customer pays) = Σ lineTotal +
     * shippingCharge; {@code taxTotal} = Σ taxAmount; {@code netTotal} = orderTotal − taxTotal. The shipping charge
     * carries no tax. {@code pricesIncludeTax}: the channel's prices were gross (tax contained) or net (tax added).
     */
    public record Totals(int lineCount, int unitsOrdered, int unitsAllocated, int unitsBackordered, int unitsShipped,
                         BigDecimal shippingCharge, boolean pricesIncludeTax, BigDecimal netTotal,
                         BigDecimal taxTotal, BigDecimal orderTotal) {
    }

    /**
     * Price = quantity × unitPrice − discount. Prices including tax: {@code lineTotal} = price, {@code lineNet} =
     * price − taxAmount; otherwise {@code lineNet} = price, {@code lineTotal} = price + taxAmount.
     */
    public record Line(int lineNo, String sku, int quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal taxAmount, BigDecimal lineNet, BigDecimal lineTotal, int allocated, int backordered,
                       int shipped,
                       List<Allocation> allocations) {
        public Line {
            allocations = List.copyOf(allocations);
        }
    }

    /** Units of a line reserved in one warehouse and how many of them have shipped. */
    public record Allocation(String warehouseId, int quantity, int shipped) {
    }

    /** Units of a line waiting for stock. */
    public record Backorder(int lineNo, String sku, int quantity) {
    }

    /** {@code shippingCost} is null when it was not recorded (shipments stored before it existed). */
    public record Shipment(String shipmentId, String warehouseId, String carrier, String trackingNumber,
                           BigDecimal shippingCost, Instant shippedAt, Instant deliveredAt, List<ShipmentLine> lines) {
        public Shipment {
            lines = List.copyOf(lines);
        }
    }

    public record ShipmentLine(int lineNo, String sku, int quantity) {
    }

    /** A warehouse's units picked (and maybe packed) but not yet shipped. */
    public record WarehouseStep(String warehouseId, String stage, Instant pickedAt, String pickedBy, Instant packedAt,
                                Integer parcels) {
    }
}
