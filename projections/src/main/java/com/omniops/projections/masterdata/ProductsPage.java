package com.omniops.projections.masterdata;

import java.util.List;

public record ProductsPage(List<ProductView> items, int page, int size, long totalItems, int totalPages) {
}
