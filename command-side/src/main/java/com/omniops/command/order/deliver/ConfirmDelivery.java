package com.omniops.command.order.deliver;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Confirms delivery of one shipment, or of every undelivered shipment when {@code shipmentId} is null. */
public record ConfirmDelivery(@TargetAggregateIdentifier String orderId, String shipmentId, Instant deliveredAt) {
}
