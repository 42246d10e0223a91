package com.omniops.projections.availability;

import java.util.List;

/** One page of channel availability rows, ordered by channel then SKU. */
public record AvailabilityPage(List<ChannelAvailability> items, int page, int size, long totalItems,
                               int totalPages) {

    public AvailabilityPage {
        items = List.copyOf(items);
    }
}
