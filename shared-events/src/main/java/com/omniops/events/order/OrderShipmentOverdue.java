package com.omniops.events.order;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The order's promised ship date has ended (UTC) with units still unshipped and the order not cancelled. Applied by
 * the order's own ship-by deadline (a durable timer set when it was placed), at most once per order;
 * {@code detectedAt} is when the timer fired, on or after the end of {@code promisedShipDate}.
 */
@Revision("1")
public record OrderShipmentOverdue(String orderId, String channelId, String channelOrderRef,
                                   LocalDate promisedShipDate, int unitsOrdered, int unitsShipped,
                                   Instant detectedAt) implements OrderEvent {
}
