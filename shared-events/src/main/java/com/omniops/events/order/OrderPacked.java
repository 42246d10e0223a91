package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The picked units of one warehouse were packed into {@code parcels} parcels, ready for the carrier. */
@Revision("1")
public record OrderPacked(String orderId, String warehouseId, int parcels, Instant packedAt) implements OrderEvent {
}
