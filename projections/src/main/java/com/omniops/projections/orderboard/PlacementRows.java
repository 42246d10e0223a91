package com.omniops.projections.orderboard;

import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ALLOCATION;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_LINE;
import static com.omniops.projections.jooq.Tables.ORDER_BOARD_ORDER;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.Columns.zeroIfAbsent;

import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/** Puts a placed order on the board: its order row, its lines and its allocations per line and warehouse. */
final class PlacementRows {

    private final DSLContext dsl;

    PlacementRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Inserts the order at position {@code seq}. The order row is its own guard: when it exists already the event was
     * applied, and nothing else is written.
     */
    void place(OrderPlaced event, long seq) {
        Map<Integer, Integer> allocatedPerLine = new TreeMap<>();
        Map<AllocationKey, Integer> allocations = new TreeMap<>();
        for (LineAllocation a : event.allocations()) {
            allocatedPerLine.merge(a.lineNo(), a.quantity(), Integer::sum);
            allocations.merge(new AllocationKey(a.lineNo(), a.warehouseId()), a.quantity(), Integer::sum);
        }
        Map<Integer, Integer> backorderedPerLine = new TreeMap<>();
        for (LineBackorder b : event.backorders()) {
            backorderedPerLine.merge(b.lineNo(), b.quantity(), Integer::sum);
        }
        int unitsOrdered = 0;
        for (OrderLine line : event.lines()) {
            unitsOrdered += line.quantity();
        }
        BigDecimal total = OrderAmounts.of(event).gross();
        int unitsAllocated = allocatedPerLine.values().stream().mapToInt(Integer::intValue).sum();
        int unitsBackordered = backorderedPerLine.values().stream().mapToInt(Integer::intValue).sum();

        int inserted = dsl.insertInto(ORDER_BOARD_ORDER)
                .set(ORDER_BOARD_ORDER.ORDER_ID, event.orderId())
                .set(ORDER_BOARD_ORDER.CHANNEL_ID, event.channelId())
                .set(ORDER_BOARD_ORDER.CHANNEL_ORDER_REF, event.channelOrderRef())
                .set(ORDER_BOARD_ORDER.CUSTOMER_ID, event.customerId())
                .set(ORDER_BOARD_ORDER.CURRENCY, event.currency())
                .set(ORDER_BOARD_ORDER.PRICES_INCLUDE_TAX, event.pricesIncludeTax())
                .set(ORDER_BOARD_ORDER.STATUS,
                        OrderBoardStatus.derive(false, unitsOrdered, unitsBackordered, 0, true).name())
                .set(ORDER_BOARD_ORDER.LINE_COUNT, event.lines().size())
                .set(ORDER_BOARD_ORDER.UNITS_ORDERED, unitsOrdered)
                .set(ORDER_BOARD_ORDER.UNITS_ALLOCATED, unitsAllocated)
                .set(ORDER_BOARD_ORDER.UNITS_BACKORDERED, unitsBackordered)
                .set(ORDER_BOARD_ORDER.UNITS_SHIPPED, 0)
                .set(ORDER_BOARD_ORDER.SHIPPING_CHARGE, zeroIfAbsent(event.shippingCharge()))
                .set(ORDER_BOARD_ORDER.ORDER_TOTAL, total)
                .set(ORDER_BOARD_ORDER.PLACED_AT, utc(event.placedAt()))
                .set(ORDER_BOARD_ORDER.PROMISED_SHIP_DATE, event.promisedShipDate())
                .set(ORDER_BOARD_ORDER.LAST_SEQUENCE, seq)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return; // already applied
        }
        if (!event.lines().isEmpty()) {
            var lines = dsl.insertInto(ORDER_BOARD_LINE, ORDER_BOARD_LINE.ORDER_ID, ORDER_BOARD_LINE.LINE_NO,
                    ORDER_BOARD_LINE.SKU, ORDER_BOARD_LINE.QUANTITY, ORDER_BOARD_LINE.UNIT_PRICE,
                    ORDER_BOARD_LINE.DISCOUNT, ORDER_BOARD_LINE.TAX_AMOUNT, ORDER_BOARD_LINE.ALLOCATED,
                    ORDER_BOARD_LINE.BACKORDERED, ORDER_BOARD_LINE.SHIPPED, ORDER_BOARD_LINE.LAST_SEQUENCE);
            for (OrderLine line : event.lines()) {
                lines = lines.values(event.orderId(), line.lineNo(), line.sku(), line.quantity(), line.unitPrice(),
                        zeroIfAbsent(line.discount()), zeroIfAbsent(line.taxAmount()),
                        allocatedPerLine.getOrDefault(line.lineNo(), 0),
                        backorderedPerLine.getOrDefault(line.lineNo(), 0), 0, seq);
            }
            lines.execute();
        }
        if (!allocations.isEmpty()) {
            var rows = dsl.insertInto(ORDER_BOARD_ALLOCATION, ORDER_BOARD_ALLOCATION.ORDER_ID,
                    ORDER_BOARD_ALLOCATION.LINE_NO, ORDER_BOARD_ALLOCATION.WAREHOUSE_ID,
                    ORDER_BOARD_ALLOCATION.QUANTITY, ORDER_BOARD_ALLOCATION.SHIPPED,
                    ORDER_BOARD_ALLOCATION.LAST_SEQUENCE);
            for (var a : allocations.entrySet()) {
                rows = rows.values(event.orderId(), a.getKey().lineNo(), a.getKey().warehouseId(), a.getValue(), 0,
                        seq);
            }
            rows.execute();
        }
    }

    /** One allocation row's key; sorted so the rows are always inserted in the same order. */
    private record AllocationKey(int lineNo, String warehouseId) implements Comparable<AllocationKey> {
        @Override
        public int compareTo(AllocationKey other) {
            int byLine = Integer.compare(lineNo, other.lineNo);
            return byLine != 0 ? byLine : warehouseId.compareTo(other.warehouseId);
        }
    }
}
