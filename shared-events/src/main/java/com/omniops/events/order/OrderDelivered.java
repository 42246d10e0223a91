package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The carrier confirmed delivery of one shipment. */
@Revision("1")
public record OrderDelivered(String orderId, String shipmentId, Instant deliveredAt) implements OrderEvent {
}
