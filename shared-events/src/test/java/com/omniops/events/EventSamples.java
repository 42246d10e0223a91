package com.omniops.events;

import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.purchasing.ReceivedLine;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.events.supplier.SupplierRegistered;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One representative instance of every stored event type. */
final class EventSamples {

    private static final Instant AT = Instant.parse("2026-03-14T09:26:53Z");
    private static final String ORDER = "6f1c2d7e-0000-4000-8000-000000000001";
    private static final String PO = "PO-2026-000123";

    private EventSamples() {
    }

    static List<Object> all() {
        return List.of(
                new ProductRegistered("SKU-1001", "Linen duvet cover, double", "EA", "STANDARD", AT),
                new ProductListedOnChannel("SKU-1001", "WEB", "WEB-1001", AT),
                new ProductDiscontinued("SKU-1001", "Supplier stopped the line", AT),
                new ChannelRegistered("MKT-A", "Marketplace A", ChannelType.MARKETPLACE, List.of("WH-EAST", "3PL"),
                        AllocationStrategy.PRIORITY, true, 2, AT),
                new StockReceived("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", 24, Money.of("12.40", "EUR"),
                        ReceiptSource.PURCHASE_ORDER, "PO-77", Money.of("12.2500", "EUR"), 30, 4, AT),
                new StockReserved("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", ORDER, 1, 2, 30, 6, AT),
                new StockReservationReleased("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", ORDER, 1, 2,
                        "order cancelled", 30, 4, AT),
                new StockIssued("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", ORDER, 1, "SHP-1", 2,
                        Money.of("12.2500", "EUR"), 28, 4, AT),
                new StockAdjusted("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", -1, AdjustmentReason.DAMAGED,
                        "dropped by forklift", Money.of("12.2500", "EUR"), 27, 4, AT),
                new OrderPlaced(ORDER, "WEB", "W-100234", "CUST-9", "EUR",
                        List.of(new OrderLine(1, "SKU-1001", 3, new BigDecimal("39.90"), new BigDecimal("5.00"),
                                new BigDecimal("19.95"))),
                        new BigDecimal("4.95"), LocalDate.parse("2026-03-16"),
                        List.of(new LineAllocation(1, "SKU-1001", "WH-EAST", 2)),
                        List.of(new LineBackorder(1, "SKU-1001", 1)), AT),
                new OrderCancelled(ORDER, "customer request",
                        List.of(new LineAllocation(1, "SKU-1001", "WH-EAST", 2)), AT),
                new OrderShipped(ORDER, "SHP-1", "WH-EAST", List.of(new ShippedLine(1, "SKU-1001", 2)), "DHL",
                        "JD014600006281", AT),
                new OrderDelivered(ORDER, "SHP-1", AT),
                new SupplierRegistered("SUP-LINEN", "Linen mill", new BigDecimal("12.5"), new BigDecimal("2.0"), 24,
                        "EUR", AT),
                new PurchaseOrderDrafted(PO, "SUP-LINEN", "WH-EAST", "EUR",
                        List.of(new PurchaseOrderLine(1, "SKU-1001", 48, new BigDecimal("12.40"))),
                        LocalDate.parse("2026-03-27"), PurchaseOrderOrigin.REPLENISHMENT, AT),
                new PurchaseOrderSubmitted(PO, AT),
                new PurchaseOrderConfirmed(PO, LocalDate.parse("2026-03-30"), List.of(new ConfirmedLine(1, 40)), AT),
                new PurchaseOrderGoodsReceived(PO, "GRN-1", "WH-EAST",
                        List.of(new ReceivedLine(1, "SKU-1001", 40, new BigDecimal("12.40"))), AT),
                new PurchaseOrderReceived(PO, AT),
                new PurchaseOrderClosed(PO, "short-closed: supplier out of stock", AT),
                new PurchaseOrderCancelled(PO, "duplicate", AT),
                new ReorderRuleSet("WH-EAST:SKU-1001", "SKU-1001", "WH-EAST", "SUP-LINEN", ReorderMethod.MIN_MAX, 10,
                        40, 6, null, false, AT));
    }
}
