package com.omniops.projections.orderboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything customer service sees about one order. Amounts are in {@code currency}. */
public record OrderDetails(String orderId, String channelId, String channelOrderRef, String customerId,
                           String currency, OrderBoardStatus status, Instant placedAt, LocalDate promisedShipDate,
                           Instant cancelledAt, String cancelReason, Instant lastShippedAt, Instant deliveredAt,
                           Totals totals, List<Line> lines, List<Backorder> backorders, List<Shipment> shipments) {

    public OrderDetails {
        lines = List.copyOf(lines);
        backorders = List.copyOf(backorders);
        shipments = List.copyOf(shipments);
    }

    /** {@code orderTotal} = Σ(quantity × unitPrice − discount + taxAmount) + shippingCharge. */
    public record Totals(int lineCount, int unitsOrdered, int unitsAllocated, int unitsBackordered, int unitsShipped,
                         BigDecimal shippingCharge, BigDecimal orderTotal) {
    }

    /** {@code lineTotal} = quantity × unitPrice − discount + taxAmount. */
    public record Line(int lineNo, String sku, int quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal taxAmount, BigDecimal lineTotal, int allocated, int backordered, int shipped,
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

    public record Shipment(String shipmentId, String warehouseId, String carrier, String trackingNumber,
                           Instant shippedAt, Instant deliveredAt, List<ShipmentLine> lines) {
        public Shipment {
            lines = List.copyOf(lines);
        }
    }

    public record ShipmentLine(int lineNo, String sku, int quantity) {
    }
}
