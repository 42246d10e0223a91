package com.omniops.projections.masterdata;

import java.util.List;

public record WarehousesPage(List<WarehouseView> items, int page, int size, long totalItems, int totalPages) {
}
