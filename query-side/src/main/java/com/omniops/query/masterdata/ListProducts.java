package com.omniops.query.masterdata;

/**
 * Products by SKU; {@code status}, {@code channelId} (listed there) and {@code text} (in SKU or name) are optional
 * filters. {@code onlyThatChannelsListings}: show the listings on {@code channelId} only (channel integrations).
 */
public record ListProducts(String status, String channelId, String text, boolean onlyThatChannelsListings, int page,
                           int size) {
}
