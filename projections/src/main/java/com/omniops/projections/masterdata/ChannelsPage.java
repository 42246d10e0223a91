package com.omniops.projections.masterdata;

import java.util.List;

public record ChannelsPage(List<ChannelView> items, int page, int size, long totalItems, int totalPages) {
}
