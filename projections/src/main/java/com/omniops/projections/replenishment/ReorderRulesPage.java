package com.omniops.projections.replenishment;

import java.util.List;

public record ReorderRulesPage(List<ReorderRuleView> items, int page, int size, long totalItems, int totalPages) {
}
