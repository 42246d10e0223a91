package com.omniops.events.stock;

import com.omniops.events.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Inspected units of a customer return were routed here. RESALE adds them to available stock, QUARANTINE and
 * REFURBISH add them on hand but held apart, WRITE_OFF leaves the quantities alone and writes off
 * {@code quantity × unitCost}. {@code unitCost} is the moving-average cost, which a return does not change.
 */
@Revision("1")
public record StockReturned(String stockItemId, String sku, String warehouseId, String orderId, String returnId,
                            int lineNo, int quantity, ReturnDisposition disposition, Money unitCost, int onHandAfter,
                            int reservedAfter, int quarantineAfter, int refurbishmentAfter, Instant returnedAt)
        implements StockItemEvent, HeldQuantities {
}
