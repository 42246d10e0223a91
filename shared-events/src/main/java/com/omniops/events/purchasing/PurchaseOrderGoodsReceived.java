package com.omniops.events.purchasing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** One goods receipt against the order; the matching StockReceived events are stored in the same transaction. */
@Revision("1")
public record PurchaseOrderGoodsReceived(String purchaseOrderId, String receiptId, String warehouseId,
                                         List<ReceivedLine> lines, Instant receivedAt) implements PurchaseOrderEvent {
    public PurchaseOrderGoodsReceived {
        lines = List.copyOf(lines);
    }
}
