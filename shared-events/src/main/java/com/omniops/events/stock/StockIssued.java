package com.omniops.events.stock;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Reserved units left the warehouse in a shipment. {@code unitCost} is the moving-average cost at that instant: the
 * cost of goods sold per unit.
 */
@Revision("1")
public record StockIssued(String stockItemId, String sku, String warehouseId, String orderId, int lineNo,
                          String shipmentId, int quantity, Money unitCost, int onHandAfter, int reservedAfter,
                          Instant issuedAt) implements StockItemEvent {
}
