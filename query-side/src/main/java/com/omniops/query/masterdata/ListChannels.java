package com.omniops.query.masterdata;

/** Channels by id; {@code channelId}, {@code type} and {@code warehouseId} (fed by it) are optional filters. */
public record ListChannels(String channelId, String type, String warehouseId, int page, int size) {
}
