package com.omniops.events.stock;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A reservation (or what was left of it) was given back, e.g. because the order was cancelled. */
@Revision("1")
public record StockReservationReleased(String stockItemId, String sku, String warehouseId, String orderId, int lineNo,
                                       int quantity, String reason, int onHandAfter, int reservedAfter,
                                       Instant releasedAt) implements StockItemEvent {
}
