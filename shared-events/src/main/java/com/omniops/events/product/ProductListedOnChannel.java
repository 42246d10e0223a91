package com.omniops.events.product;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The SKU is sold on a channel under the channel's own SKU / listing id (unique per channel). */
@Revision("1")
public record ProductListedOnChannel(String sku, String channelId, String channelSku, Instant listedAt)
        implements ProductEvent {
}
