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

    /**
     * Line numbers are the 1-based positions in the request. A line names exactly one of {@code sku} (ours) and
     * {@code channelSku} (the channel's own SKU of its listing, which placement translates to ours).
     */
    public record Line(String sku, String channelSku, int quantity, BigDecimal unitPrice, BigDecimal discount,
                       BigDecimal taxAmount) {

        /** A line that names our SKU. */
        public Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal taxAmount) {
            this(sku, null, quantity, unitPrice, discount, taxAmount);
        }

        Line withSku(String ourSku) {
            return new Line(ourSku, channelSku, quantity, unitPrice, discount, taxAmount);
        }
    }
}
