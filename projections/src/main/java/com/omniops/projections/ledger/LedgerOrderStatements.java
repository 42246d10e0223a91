package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_ISSUE;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.LEDGER_PRODUCT;
import static com.omniops.projections.jooq.Tables.LEDGER_REFUND_LINE;

import com.omniops.events.Money;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.refund.RefundLine;
import com.omniops.events.refund.RefundRequested;
import com.omniops.events.stock.StockIssued;
import com.omniops.projections.support.ProjectionWrites.Array;
import com.omniops.projections.support.ProjectionWrites.Null;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.messaging.Message;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the ledger keeps of orders, products and issued units ({@link OrderBooks}; V52__ledger_orders.sql), as
 * statements a processor batch can queue, each one safe to apply twice, and the reads the order rules start from.
 */
final class LedgerOrderStatements {

    static final String PRODUCT = """
            INSERT INTO ledger_product (sku, tax_category) VALUES (?, ?) ON CONFLICT (sku) DO NOTHING""";

    /**
     * A placed order and, only if it is new, its lines with their SKU's tax category. Binds: the order's 12 columns,
     * then arrays of line numbers, SKUs, quantities, net, tax, discount without tax.
     */
    static final String PLACED = """
            WITH placed AS (
                INSERT INTO ledger_order (order_id, channel_id, currency, prices_include_tax, shipping_charge,
                                          shipping_posted, provider, deposits, receivable, deposits_book,
                                          receivable_book, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING
                RETURNING order_id)
            INSERT INTO ledger_order_line (order_id, line_no, sku, quantity, net, tax, discount_net, tax_category,
                                           shipped)
            SELECT placed.order_id, l.line_no, l.sku, l.quantity, l.net, l.tax, l.discount_net, p.tax_category, 0
            FROM placed
            CROSS JOIN unnest(?::int[], ?::varchar[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[])
                AS l(line_no, sku, quantity, net, tax, discount_net)
            LEFT JOIN ledger_product p ON p.sku = l.sku""";

    /** The order's money after one of its events, once (its sequence only moves forward). */
    static final String ORDER_STATE = """
            UPDATE ledger_order SET shipping_posted = ?, provider = ?, deposits = ?, receivable = ?,
                                    deposits_book = ?, receivable_book = ?, last_sequence = ?
            WHERE order_id = ? AND last_sequence < ?""";

    /** Units shipped per line so far (absolute). Binds: arrays of line numbers and shipped, then the order id. */
    static final String SHIPPED = """
            UPDATE ledger_order_line t SET shipped = s.shipped
            FROM unnest(?::int[], ?::int[]) AS s(line_no, shipped)
            WHERE t.order_id = ? AND t.line_no = s.line_no""";

    /** A refund's lines, once. Binds: refund id, arrays of line numbers, SKUs, amounts. */
    static final String REFUND_LINES = """
            INSERT INTO ledger_refund_line (refund_id, line_no, sku, amount)
            SELECT ?, l.line_no, l.sku, l.amount FROM unnest(?::int[], ?::varchar[], ?::numeric[])
                AS l(line_no, sku, amount)
            ON CONFLICT (refund_id, line_no) DO NOTHING""";

    static final String ISSUED = """
            INSERT INTO ledger_issue (event_id, order_id, line_no, quantity, unit_cost) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    private LedgerOrderStatements() {
    }

    static Statement product(ProductRegistered event) {
        return new Statement(PRODUCT, event.sku(), event.taxCategory());
    }

    /** A placed order as {@link OrderBooks#placed} values it; the tax categories are looked up in SQL. */
    static Statement placed(OrderBooks order, boolean pricesIncludeTax) {
        List<OrderBooks.Line> lines = order.lines();
        return new Statement(PLACED, order.orderId(), order.channelId(), order.currency(), pricesIncludeTax,
                order.shippingCharge(), false, new Null(Types.VARCHAR), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, order.lastSequence(),
                array("integer", lines, OrderBooks.Line::lineNo), array("varchar", lines, OrderBooks.Line::sku),
                array("integer", lines, OrderBooks.Line::quantity), array("numeric", lines, OrderBooks.Line::net),
                array("numeric", lines, OrderBooks.Line::tax), array("numeric", lines, OrderBooks.Line::discountNet));
    }

    /** The order's state after a posting: its money, and for a shipment what has shipped of each line. */
    static List<Statement> orderState(OrderBooks after, boolean shipment) {
        Statement money = new Statement(ORDER_STATE, after.shippingPosted(),
                after.provider() == null ? new Null(Types.VARCHAR) : after.provider(), after.deposits(),
                after.receivable(), after.depositsBook(), after.receivableBook(), after.lastSequence(),
                after.orderId(), after.lastSequence());
        if (!shipment) {
            return List.of(money);
        }
        Statement shipped = new Statement(SHIPPED, array("integer", after.lines(), OrderBooks.Line::lineNo),
                array("integer", after.lines(), OrderBooks.Line::shipped), after.orderId());
        return List.of(money, shipped);
    }

    /** A requested refund's lines (none for a plain amount: then nothing is written). */
    static Statement refundLines(RefundRequested event) {
        List<RefundLine> lines = event.lines();
        return new Statement(REFUND_LINES, event.refundId(),
                new Array("integer", lines.stream().map(RefundLine::lineNo).toArray()),
                new Array("varchar", lines.stream().map(RefundLine::sku).toArray()),
                new Array("numeric", lines.stream().map(RefundLine::amount).toArray()));
    }

    /** The lines a refund pays back, by order line; empty for a refund of a plain amount. */
    static List<OrderPostingRules.RefundShare> refundLines(DSLContext dsl, String refundId) {
        return dsl.select(LEDGER_REFUND_LINE.LINE_NO, LEDGER_REFUND_LINE.AMOUNT).from(LEDGER_REFUND_LINE)
                .where(LEDGER_REFUND_LINE.REFUND_ID.eq(refundId)).orderBy(LEDGER_REFUND_LINE.LINE_NO)
                .fetch(r -> new OrderPostingRules.RefundShare(r.value1(), r.value2()));
    }

    static Statement issued(String eventId, StockIssued event, BigDecimal unitCost) {
        return new Statement(ISSUED, eventId, event.orderId(), event.lineNo(), event.quantity(), unitCost);
    }

    /** The order as the books know it; empty when its OrderPlaced has not been applied. */
    static Optional<OrderBooks> read(DSLContext dsl, String orderId) {
        return Optional.ofNullable(readAll(dsl, List.of(orderId)).get(orderId));
    }

    /**
     * What a processor batch's events need of the books' orders, read in two queries: every order they name (as far
     * as the books have it) and the tax category of every SKU their placements order (as far as it is registered).
     */
    static BatchOrders load(DSLContext dsl, List<? extends Message<?>> batch) {
        Set<String> orderIds = new HashSet<>();
        Set<String> skus = new HashSet<>();
        for (Message<?> message : batch) {
            if (message.getPayload() instanceof OrderEvent event) {
                orderIds.add(event.orderId());
                if (event instanceof OrderPlaced placed) {
                    placed.lines().forEach(line -> skus.add(line.sku()));
                }
            }
        }
        Map<String, String> categories = new HashMap<>();
        if (!skus.isEmpty()) {
            dsl.select(LEDGER_PRODUCT.SKU, LEDGER_PRODUCT.TAX_CATEGORY).from(LEDGER_PRODUCT)
                    .where(LEDGER_PRODUCT.SKU.in(skus)).forEach(r -> categories.put(r.value1(), r.value2()));
        }
        return new BatchOrders(readAll(dsl, orderIds), categories);
    }

    /** The orders of a processor batch as the books will hold them once its statements are flushed. */
    record BatchOrders(Map<String, OrderBooks> orders, Map<String, String> taxCategories) {
    }

    private static Map<String, OrderBooks> readAll(DSLContext dsl, Collection<String> orderIds) {
        Map<String, OrderBooks> orders = new HashMap<>();
        if (orderIds.isEmpty()) {
            return orders;
        }
        Map<String, List<OrderBooks.Line>> lines = new HashMap<>();
        dsl.selectFrom(LEDGER_ORDER_LINE).where(LEDGER_ORDER_LINE.ORDER_ID.in(orderIds))
                .orderBy(LEDGER_ORDER_LINE.ORDER_ID, LEDGER_ORDER_LINE.LINE_NO)
                .forEach(line -> lines.computeIfAbsent(line.getOrderId(), o -> new ArrayList<>()).add(
                        new OrderBooks.Line(line.getLineNo(), line.getSku(), line.getQuantity(), line.getNet(),
                                line.getTax(), line.getDiscountNet(), line.getTaxCategory(), line.getShipped())));
        dsl.selectFrom(LEDGER_ORDER).where(LEDGER_ORDER.ORDER_ID.in(orderIds)).forEach(order -> orders.put(
                order.getOrderId(), new OrderBooks(order.getOrderId(), order.getChannelId(), order.getCurrency(),
                        order.getShippingCharge(), order.getShippingPosted(), order.getProvider(),
                        order.getDeposits(), order.getReceivable(), order.getDepositsBook(),
                        order.getReceivableBook(), order.getLastSequence(),
                        lines.getOrDefault(order.getOrderId(), List.of()))));
        return orders;
    }

    /**
     * The average unit cost the order line's units were issued at (weighted by quantity over its shipments), rounded
     * half-up to {@value Money#SCALE} decimals; empty when the books saw none of its units leave.
     */
    static Optional<BigDecimal> leftUnitCost(DSLContext dsl, String orderId, int lineNo) {
        var sums = dsl.select(DSL.sum(LEDGER_ISSUE.UNIT_COST.mul(LEDGER_ISSUE.QUANTITY)),
                        DSL.sum(LEDGER_ISSUE.QUANTITY))
                .from(LEDGER_ISSUE).where(LEDGER_ISSUE.ORDER_ID.eq(orderId), LEDGER_ISSUE.LINE_NO.eq(lineNo))
                .fetchOne();
        if (sums == null || sums.value2() == null || sums.value2().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(sums.value1().divide(sums.value2(), Money.SCALE, RoundingMode.HALF_UP));
    }

    private static <T> Array array(String type, List<OrderBooks.Line> lines, Function<OrderBooks.Line, T> field) {
        return new Array(type, lines.stream().map(field).toArray());
    }
}
