package com.omniops.projections.replenishment;

import java.util.List;

public record RecommendationPage(List<Recommendation> items, int page, int size, long totalItems, int totalPages) {
}
