package com.omniops.projections.refunds;

import java.util.List;

/** One page of refunds, newest request first. */
public record RefundsPage(List<RefundView> items, int page, int size, long totalItems, int totalPages) {

    public RefundsPage {
        items = List.copyOf(items);
    }
}
