package com.omniops.projections.counts;

import java.util.List;

/** One page of counts, newest first. */
public record CountsPage(List<CountView> items, int page, int size, long totalItems, int totalPages) {

    public CountsPage {
        items = List.copyOf(items);
    }
}
