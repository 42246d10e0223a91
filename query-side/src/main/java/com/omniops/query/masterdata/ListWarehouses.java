package com.omniops.query.masterdata;

/** Every warehouse a channel or a stock item names; {@code channelId} (feeding it) is an optional filter. */
public record ListWarehouses(String channelId, int page, int size) {
}
