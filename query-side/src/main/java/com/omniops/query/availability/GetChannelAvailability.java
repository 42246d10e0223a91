package com.omniops.query.availability;

/**
 * What may each channel sell of each SKU? Both filters are optional ({@code null} = all); {@code page} is 0-based.
 * An unknown {@code channelId} is refused with {@code UNKNOWN_CHANNEL}. {@code lowestFirst}: ordered by available-to-sell,
 * lowest first, instead of by channel and SKU.
 */
public record GetChannelAvailability(String channelId, String sku, boolean lowestFirst, int page, int size) {
}
