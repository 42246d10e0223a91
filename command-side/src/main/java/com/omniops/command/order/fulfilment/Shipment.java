package com.omniops.command.order.fulfilment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One shipment of an order as its fulfilment remembers it. {@code lines}: lineNo → units in this shipment. */
record Shipment(String shipmentId, Instant shippedAt, boolean delivered, Instant deliveredAt,
                Map<Integer, Integer> lines, BigDecimal shippingCost) {
}
