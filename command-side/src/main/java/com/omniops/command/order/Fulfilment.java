package com.omniops.command.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How an order's fulfilment went so far: {@code complete} when every ordered unit has shipped, {@code shipments} how
 * many parcels it took, {@code onTime} when every shipment left on or before the promised ship date (UTC days; null
 * while nothing has shipped), {@code shippingCost} the carrier cost recorded on its shipments.
 */
public record Fulfilment(int unitsOrdered, int unitsShipped, int shipments, boolean complete, Boolean onTime,
                         LocalDate promisedShipDate, Instant lastShippedAt, int shipmentsDelivered,
                         Instant lastDeliveredAt, BigDecimal shippingCost) {
}
