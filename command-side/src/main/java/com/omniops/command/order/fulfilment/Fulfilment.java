package com.omniops.command.order.fulfilment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * How an order's fulfilment went so far: {@code complete} when every ordered unit has shipped, {@code shipments} how
 * many parcels it took, {@code onTime} when every shipment left on or before the promised ship date (UTC days; null
 * while nothing has shipped), {@code shippingCost} the carrier cost recorded on its shipments.
 */
public record Fulfilment(int unitsOrdered, int unitsShipped, int shipments, boolean complete, Boolean onTime,
                         LocalDate promisedShipDate, Instant lastShippedAt, int shipmentsDelivered,
                         Instant lastDeliveredAt, BigDecimal shippingCost) {

    static Fulfilment of(int unitsOrdered, int unitsShipped, LocalDate promisedShipDate,
                         Collection<Shipment> shipments) {
        Boolean onTime = null;
        Instant lastShipped = shipments.stream().map(Shipment::shippedAt).max(Comparator.naturalOrder())
                .orElse(null);
        if (lastShipped != null && promisedShipDate != null) {
            onTime = shipments.stream().noneMatch(s ->
                    LocalDate.ofInstant(s.shippedAt(), ZoneOffset.UTC).isAfter(promisedShipDate));
        }
        Instant lastDelivered = shipments.stream().map(Shipment::deliveredAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        BigDecimal shippingCost = shipments.stream().map(Shipment::shippingCost).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int delivered = (int) shipments.stream().filter(Shipment::delivered).count();
        return new Fulfilment(unitsOrdered, unitsShipped, shipments.size(), unitsShipped >= unitsOrdered, onTime,
                promisedShipDate, lastShipped, delivered, lastDelivered, shippingCost);
    }
}
