package com.omniops.command.order.place;

import com.omniops.events.StreamIds;
import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which warehouse reserves which units of each order line, following the channel's strategy. Pure: it sees
 * the available units per stock item and returns a plan; whatever no warehouse can cover becomes a backorder line.
 */
public final class Allocator {

    private Allocator() {
    }

    public record LineRequest(int lineNo, String sku, int quantity) {
    }

    public record Plan(List<LineAllocation> allocations, List<LineBackorder> backorders) {
    }

    /**
     * @param warehouses the channel's warehouses in priority order
     * @param available  units available per stock item id ("warehouse:sku"); missing means none
     */
    public static Plan allocate(List<LineRequest> lines, List<String> warehouses, AllocationStrategy strategy,
                                Map<String, Integer> available) {
        Map<String, Integer> left = new HashMap<>(available);
        List<LineAllocation> allocations = new ArrayList<>();
        List<LineBackorder> backorders = new ArrayList<>();
        Optional<String> single = strategy == AllocationStrategy.FEWEST_SPLITS
                ? oneWarehouseForEverything(lines, warehouses, left) : Optional.empty();
        for (LineRequest line : lines) {
            int missing = line.quantity();
            for (String warehouse : candidates(line, warehouses, strategy, left, single)) {
                if (missing == 0) {
                    break;
                }
                String id = StreamIds.stockItem(warehouse, line.sku());
                int take = Math.min(missing, left.getOrDefault(id, 0));
                if (take > 0) {
                    allocations.add(new LineAllocation(line.lineNo(), line.sku(), warehouse, take));
                    left.merge(id, -take, Integer::sum);
                    missing -= take;
                }
            }
            if (missing > 0) {
                backorders.add(new LineBackorder(line.lineNo(), line.sku(), missing));
            }
        }
        return new Plan(allocations, backorders);
    }

    private static List<String> candidates(LineRequest line, List<String> warehouses, AllocationStrategy strategy,
                                           Map<String, Integer> left, Optional<String> single) {
        if (single.isPresent()) {
            return List.of(single.get());
        }
        Comparator<String> mostStockFirst = Comparator.comparingInt(
                (String w) -> left.getOrDefault(StreamIds.stockItem(w, line.sku()), 0)).reversed();
        return switch (strategy) {
            case PRIORITY -> warehouses;
            case MOST_STOCK -> warehouses.stream().sorted(mostStockFirst).toList(); // stable: ties keep priority
            case FEWEST_SPLITS -> warehouses.stream()
                    .filter(w -> left.getOrDefault(StreamIds.stockItem(w, line.sku()), 0) >= line.quantity())
                    .findFirst()
                    .map(List::of)
                    .orElseGet(() -> warehouses.stream().sorted(mostStockFirst).toList());
        };
    }

    private static Optional<String> oneWarehouseForEverything(List<LineRequest> lines, List<String> warehouses,
                                                              Map<String, Integer> left) {
        Map<String, Integer> needPerSku = new LinkedHashMap<>();
        lines.forEach(l -> needPerSku.merge(l.sku(), l.quantity(), Integer::sum));
        return warehouses.stream()
                .filter(w -> needPerSku.entrySet().stream()
                        .allMatch(e -> left.getOrDefault(StreamIds.stockItem(w, e.getKey()), 0) >= e.getValue()))
                .findFirst();
    }
}
