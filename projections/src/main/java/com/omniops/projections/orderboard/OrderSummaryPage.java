package com.omniops.projections.orderboard;

import java.util.List;

/** One page of order summaries, newest placed first. */
public record OrderSummaryPage(List<OrderSummary> items, int page, int size, long totalItems, int totalPages) {

    public OrderSummaryPage {
        items = List.copyOf(items);
    }
}
