package com.omniops.projections.purchasing;

import java.util.List;

public record SuppliersPage(List<SupplierView> items, int page, int size, long totalItems, int totalPages) {
}
