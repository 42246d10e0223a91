package com.omniops.events.product;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** No new orders may reference the SKU from this instant on; stock and open orders are unaffected. */
@Revision("1")
public record ProductDiscontinued(String sku, String reason, Instant discontinuedAt) implements ProductEvent {
}
