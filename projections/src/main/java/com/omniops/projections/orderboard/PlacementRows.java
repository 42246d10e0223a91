package com.omniops.projections.orderboard;

import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.Columns.zeroIfAbsent;

import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.projections.support.ProjectionWrites.Array;
import com.omniops.projections.support.ProjectionWrites.Null;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a placed order on the board: its order row, its lines and its allocations per line and warehouse, in one
 * statement, so a processor batch can queue it ({@link com.omniops.projections.support.ProjectionWrites}).
 */
final class PlacementRows {

    /**
     * The order row, inserted at the event's position unless it exists (then the event was applied already and
     * nothing else is written: the lines and allocations are inserted only for the order row just inserted). The
     * lines and allocations come as arrays (one element per row), so the statement is the same for any order.
     * Binds: the order's 16 columns in the order listed; the lines' 8 arrays; the allocations' 3 arrays.
     */
    private static final String PLACE = """
            WITH placed AS (
                INSERT INTO order_board_order (order_id, channel_id, channel_order_ref, customer_id, currency,
                                               prices_include_tax, status, line_count, units_ordered, units_allocated,
                                               units_backordered, units_shipped, shipping_charge, order_total,
                                               placed_at, promised_ship_date, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING order_id, last_sequence),
            lines AS (
                INSERT INTO order_board_line (order_id, line_no, sku, quantity, unit_price, discount, tax_amount,
                                              allocated, backordered, shipped, last_sequence)
                SELECT placed.order_id, l.line_no, l.sku, l.quantity, l.unit_price, l.discount, l.tax_amount,
                       l.allocated, l.backordered, 0, placed.last_sequence
                FROM placed, unnest(?::integer[], ?::varchar[], ?::integer[], ?::numeric[], ?::numeric[],
                                    ?::numeric[], ?::integer[], ?::integer[])
                    AS l(line_no, sku, quantity, unit_price, discount, tax_amount, allocated, backordered))
            INSERT INTO order_board_allocation (order_id, line_no, warehouse_id, quantity, shipped, last_sequence)
            SELECT placed.order_id, a.line_no, a.warehouse_id, a.quantity, 0, placed.last_sequence
            FROM placed, unnest(?::integer[], ?::varchar[], ?::integer[]) AS a(line_no, warehouse_id, quantity)""";

    /** The order at position {@code seq} with its lines and allocations; see {@link #PLACE}. */
    Statement place(OrderPlaced event, long seq) {
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

        int n = event.lines().size();
        Integer[] lineNo = new Integer[n];
        String[] sku = new String[n];
        Integer[] quantity = new Integer[n];
        BigDecimal[] unitPrice = new BigDecimal[n];
        BigDecimal[] discount = new BigDecimal[n];
        BigDecimal[] taxAmount = new BigDecimal[n];
        Integer[] allocated = new Integer[n];
        Integer[] backordered = new Integer[n];
        for (int i = 0; i < n; i++) {
            OrderLine line = event.lines().get(i);
            lineNo[i] = line.lineNo();
            sku[i] = line.sku();
            quantity[i] = line.quantity();
            unitPrice[i] = line.unitPrice();
            discount[i] = zeroIfAbsent(line.discount());
            taxAmount[i] = zeroIfAbsent(line.taxAmount());
            allocated[i] = allocatedPerLine.getOrDefault(line.lineNo(), 0);
            backordered[i] = backorderedPerLine.getOrDefault(line.lineNo(), 0);
        }
        int m = allocations.size();
        Integer[] allocationLine = new Integer[m];
        String[] allocationWarehouse = new String[m];
        Integer[] allocationQuantity = new Integer[m];
        int i = 0;
        for (var a : allocations.entrySet()) {
            allocationLine[i] = a.getKey().lineNo();
            allocationWarehouse[i] = a.getKey().warehouseId();
            allocationQuantity[i] = a.getValue();
            i++;
        }
        return new Statement(PLACE,
                event.orderId(), event.channelId(), event.channelOrderRef(), event.customerId(), event.currency(),
                event.pricesIncludeTax(), OrderBoardStatus.derive(false, unitsOrdered, unitsBackordered, 0, true).name(),
                n, unitsOrdered, unitsAllocated, unitsBackordered, zeroIfAbsent(event.shippingCharge()), total,
                utc(event.placedAt()), orNull(event.promisedShipDate()), seq,
                new Array("integer", lineNo), new Array("varchar", sku), new Array("integer", quantity),
                new Array("numeric", unitPrice), new Array("numeric", discount), new Array("numeric", taxAmount),
                new Array("integer", allocated), new Array("integer", backordered),
                new Array("integer", allocationLine), new Array("varchar", allocationWarehouse),
                new Array("integer", allocationQuantity));
    }

    private static Object orNull(LocalDate date) {
        return date == null ? new Null(Types.DATE) : date;
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
