package com.omniops.projections.demand;

import java.util.List;

/** One page of SKU demand rows, most shipped first (then SKU, then warehouse). */
public record SkuDemandPage(List<SkuDemand> items, int page, int size, long totalItems, int totalPages) {

    public SkuDemandPage {
        items = List.copyOf(items);
    }
}
