package com.omniops.projections.masterdata;

import java.time.Instant;
import java.util.List;

/** A product as registered, whether it may still be sold (ACTIVE / DISCONTINUED), and its channel listings. */
public record ProductView(String sku, String name, String unitOfMeasure, String taxCategory, String status,
                          Instant registeredAt, Instant discontinuedAt, String discontinuedReason,
                          List<Listing> listings) {

    /** The product is sold on {@code channelId} under the channel's own SKU. */
    public record Listing(String channelId, String channelSku, Instant listedAt) {
    }
}
