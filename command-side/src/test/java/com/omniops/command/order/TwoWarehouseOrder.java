package com.omniops.command.order;

import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.support.Violations.NOW;

/**
 * An order for the fulfilment rules: line 1 = 3 units reserved 2 in WH-A and 1 in WH-B, line 2 = 1 unit in WH-A;
 * promised to ship by 2026-11-21.
 */
public final class TwoWarehouseOrder {

    public static final String ID = "order-1";
    public static final List<OrderLine> LINES = List.of(
            new OrderLine(1, "SKU-1", 3, new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("6.00")),
            new OrderLine(2, "SKU-2", 1, new BigDecimal("5.00"), BigDecimal.ZERO, BigDecimal.ZERO));
    public static final List<LineAllocation> ALLOCATIONS = List.of(
            new LineAllocation(1, "SKU-1", "WH-A", 2), new LineAllocation(1, "SKU-1", "WH-B", 1),
            new LineAllocation(2, "SKU-2", "WH-A", 1));
    public static final LocalDate PROMISED = LocalDate.parse("2026-11-21");

    private TwoWarehouseOrder() {
    }

    public static OrderPlaced placed(List<LineAllocation> allocations, List<LineBackorder> backorders) {
        return new OrderPlaced(ID, "WEB", "W-1", "C-1", "EUR", false, LINES, new BigDecimal("4.95"), PROMISED,
                allocations, backorders, NOW);
    }

    /** Everything reserved in WH-A, an hour ago. */
    public static OrderShipped shippedFromA() {
        return new OrderShipped(ID, "SHP-1", "WH-A",
                List.of(new ShippedLine(1, "SKU-1", 2), new ShippedLine(2, "SKU-2", 1)), "DHL", "T1",
                new BigDecimal("5.40"), NOW.minusSeconds(3600));
    }
}
