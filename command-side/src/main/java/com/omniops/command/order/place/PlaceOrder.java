package com.omniops.command.order.place;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A channel's order as received; handled by {@link OrderPlacement}, which reserves stock before the order exists. */
public record PlaceOrder(String orderId, String channelId, String channelOrderRef, String customerId, String currency,
                         List<Line> lines, BigDecimal shippingCharge, LocalDate promisedShipDate) {

    public PlaceOrder {
        lines = List.copyOf(lines);
    }

    /** Line numbers are the 1-based positions in the request. */
    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal taxAmount) {
    }
}
