package com.omniops.command.order;

import com.omniops.events.Money;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.OrderDelivered;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.order.ShippedLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.support.Violations.NOW;

/**
 * A delivered order for money and return rules: line 1 = 3 × 10.00 + 6.00 tax (36.00), line 2 = 1 × 5.00, shipping
 * 4.95; total 45.95 EUR. Everything shipped from WH-A in SHP-1.
 */
public final class OrderFixtures {

    public static final String ID = "order-1";
    public static final List<OrderLine> LINES = List.of(
            new OrderLine(1, "SKU-1", 3, new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("6.00")),
            new OrderLine(2, "SKU-2", 1, new BigDecimal("5.00"), BigDecimal.ZERO, BigDecimal.ZERO));
    public static final List<LineAllocation> ALLOCATIONS = List.of(
            new LineAllocation(1, "SKU-1", "WH-A", 3), new LineAllocation(2, "SKU-2", "WH-A", 1));

    private OrderFixtures() {
    }

    public static OrderPlaced placed() {
        return new OrderPlaced(ID, "WEB", "W-1", "C-1", "EUR", false, LINES, new BigDecimal("4.95"),
                LocalDate.parse("2026-11-21"), ALLOCATIONS, List.of(), NOW.minusSeconds(86_400 * 3));
    }

    public static OrderShipped shipped() {
        return new OrderShipped(ID, "SHP-1", "WH-A",
                List.of(new ShippedLine(1, "SKU-1", 3), new ShippedLine(2, "SKU-2", 1)), "DHL", "T1",
                new BigDecimal("5.40"), NOW.minusSeconds(86_400 * 2));
    }

    public static OrderDelivered delivered() {
        return new OrderDelivered(ID, "SHP-1", NOW.minusSeconds(86_400));
    }

    public static PaymentCaptured paid(String amount) {
        return new PaymentCaptured(ID, "PAY-1", Money.of(amount, "EUR"), "ADYEN", "PSP-1", NOW.minusSeconds(86_400 * 3));
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
