package com.omniops.command.order.ship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record RecordShipment(@TargetAggregateIdentifier String orderId, String shipmentId, String warehouseId,
                             List<ShipOrder.Line> lines, String carrier, String trackingNumber,
                             BigDecimal shippingCost, Instant shippedAt) {
}
