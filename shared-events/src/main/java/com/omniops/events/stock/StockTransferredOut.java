package com.omniops.events.stock;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Available units left this warehouse on an inter-warehouse transfer (they are in transit to {@code toWarehouseId}
 * until the destination receives them). {@code unitCost} is the moving-average cost, which travels with the units.
 */
@Revision("1")
public record StockTransferredOut(String stockItemId, String sku, String warehouseId, String transferId,
                                  String toWarehouseId, int quantity, Money unitCost, int onHandAfter,
                                  int reservedAfter, Instant transferredAt) implements StockItemEvent {
}
