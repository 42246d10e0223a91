package com.omniops.events.replenishment;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How a stock item is replenished, and from which supplier. {@code serviceLevel} (e.g. 0.95) is used by the
 * SERVICE_LEVEL method only; {@code autoSubmit} sends proposed purchase orders to the supplier without a buyer.
 */
@Revision("1")
public record ReorderRuleSet(String stockItemId, String sku, String warehouseId, String supplierId,
                             ReorderMethod method, int min, int max, int multiple, BigDecimal serviceLevel,
                             boolean autoSubmit, Instant setAt) implements ReorderRuleEvent {
}
