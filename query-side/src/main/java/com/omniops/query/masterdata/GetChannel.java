package com.omniops.query.masterdata;

/** One channel with its rules and warehouses. */
public record GetChannel(String channelId) {
}
