package com.omniops.command.order.place;

import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AllocatorTest {

    private static final List<String> WAREHOUSES = List.of("WH-A", "WH-B", "3PL");

    private static Allocator.Plan allocate(AllocationStrategy strategy, Map<String, Integer> available,
                                           Allocator.LineRequest... lines) {
        return Allocator.allocate(List.of(lines), WAREHOUSES, strategy, available);
    }

    @Test
    void priorityFillsFromTheFirstWarehouseAndSplitsTheRest() {
        Allocator.Plan plan = allocate(AllocationStrategy.PRIORITY, Map.of("WH-A:S1", 2, "WH-B:S1", 5, "3PL:S1", 9),
                new Allocator.LineRequest(1, "S1", 4));
        assertThat(plan.allocations()).containsExactly(new LineAllocation(1, "S1", "WH-A", 2),
                new LineAllocation(1, "S1", "WH-B", 2));
        assertThat(plan.backorders()).isEmpty();
    }

    @Test
    void mostStockTakesFromTheFullestWarehouseFirst() {
        Allocator.Plan plan = allocate(AllocationStrategy.MOST_STOCK, Map.of("WH-A:S1", 2, "WH-B:S1", 5, "3PL:S1", 9),
                new Allocator.LineRequest(1, "S1", 4));
        assertThat(plan.allocations()).containsExactly(new LineAllocation(1, "S1", "3PL", 4));
    }

    @Test
    void fewestSplitsPrefersOneWarehouseForTheWholeOrder() {
        Map<String, Integer> available = Map.of("WH-A:S1", 5, "WH-A:S2", 0, "WH-B:S1", 1, "WH-B:S2", 1,
                "3PL:S1", 3, "3PL:S2", 2);
        Allocator.Plan plan = allocate(AllocationStrategy.FEWEST_SPLITS, available,
                new Allocator.LineRequest(1, "S1", 2), new Allocator.LineRequest(2, "S2", 2));
        assertThat(plan.allocations()).containsExactly(new LineAllocation(1, "S1", "3PL", 2),
                new LineAllocation(2, "S2", "3PL", 2));
    }

    @Test
    void fewestSplitsFallsBackToOneWarehousePerLineThenToTheFullest() {
        Map<String, Integer> available = Map.of("WH-A:S1", 5, "WH-B:S2", 1, "3PL:S2", 2);
        Allocator.Plan plan = allocate(AllocationStrategy.FEWEST_SPLITS, available,
                new Allocator.LineRequest(1, "S1", 2), new Allocator.LineRequest(2, "S2", 3));
        assertThat(plan.allocations()).containsExactly(new LineAllocation(1, "S1", "WH-A", 2),
                new LineAllocation(2, "S2", "3PL", 2), new LineAllocation(2, "S2", "WH-B", 1));
    }

    @Test
    void whatNoWarehouseHasBecomesABackorder() {
        Allocator.Plan plan = allocate(AllocationStrategy.PRIORITY, Map.of("WH-B:S1", 1),
                new Allocator.LineRequest(1, "S1", 3), new Allocator.LineRequest(2, "S2", 1));
        assertThat(plan.allocations()).containsExactly(new LineAllocation(1, "S1", "WH-B", 1));
        assertThat(plan.backorders()).containsExactly(new LineBackorder(1, "S1", 2), new LineBackorder(2, "S2", 1));
    }

    @Test
    void twoLinesOfTheSameSkuNeverShareTheSameUnits() {
        Allocator.Plan plan = allocate(AllocationStrategy.PRIORITY, Map.of("WH-A:S1", 3),
                new Allocator.LineRequest(1, "S1", 2), new Allocator.LineRequest(2, "S1", 2));
        assertThat(plan.allocations()).containsExactly(new LineAllocation(1, "S1", "WH-A", 2),
                new LineAllocation(2, "S1", "WH-A", 1));
        assertThat(plan.backorders()).containsExactly(new LineBackorder(2, "S1", 1));
    }
}
