package com.omniops.projections.returns;

import java.util.List;

/** One page of returned lines, newest request first. */
public record ReturnsPage(List<ReturnLineView> items, int page, int size, long totalItems, int totalPages) {

    public ReturnsPage {
        items = List.copyOf(items);
    }
}
