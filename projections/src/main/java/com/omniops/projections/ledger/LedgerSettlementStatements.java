package com.omniops.projections.ledger;

import com.omniops.events.order.FeeType;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.projections.ledger.SettlementPostingRules.OrderFees;
import com.omniops.projections.support.ProjectionWrites.Array;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * What the ledger keeps for settlements (V55): the references a settlement row names its order by, the fees each
 * order recorded (estimates until a settlement replaces them), and a settlement's order fees while its rows arrive.
 * Each statement is guarded so that applying an event twice changes nothing.
 */
final class LedgerSettlementStatements {

    /** A reference of an order on its channel, once. Binds: channel, reference, order. */
    static final String ORDER_REFERENCE = """
            INSERT INTO ledger_order_reference (channel_id, reference, order_id) VALUES (?, ?, ?)
            ON CONFLICT (channel_id, reference) DO NOTHING""";

    /** A payment's reference, on the channel of its order (placed before). Binds: reference, order. */
    static final String PAYMENT_REFERENCE = """
            INSERT INTO ledger_order_reference (channel_id, reference, order_id)
            SELECT o.channel_id, ?, o.order_id FROM ledger_order o WHERE o.order_id = ?
            ON CONFLICT (channel_id, reference) DO NOTHING""";

    /** A fee an order recorded, in the company currency, once. Binds: event id, order, fee type, amount. */
    static final String FEE_ESTIMATE = """
            INSERT INTO ledger_order_fee (event_id, order_id, fee_type, amount) VALUES (?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    /** A chunk's order fees per order reference and kind, once. Binds: settlement, chunk, arrays ref/kind/amount. */
    static final String SETTLEMENT_FEES = """
            INSERT INTO ledger_settlement_fee (settlement_id, chunk, order_reference, kind, amount)
            SELECT ?, ?, r.reference, r.kind, sum(r.amount)
            FROM unnest(?::varchar[], ?::varchar[], ?::numeric[]) AS r(reference, kind, amount)
            GROUP BY r.reference, r.kind
            ON CONFLICT (settlement_id, chunk, order_reference, kind) DO NOTHING""";

    /** The estimates a settlement replaced. Binds: settlement, arrays of orders and fee types. */
    static final String FEE_REPLACED = """
            UPDATE ledger_order_fee f SET replaced_by = ?
            FROM unnest(?::varchar[], ?::varchar[]) AS r(order_id, fee_type)
            WHERE f.order_id = r.order_id AND f.fee_type = r.fee_type AND f.replaced_by IS NULL""";

    private LedgerSettlementStatements() {
    }

    static Statement orderReference(String channelId, String reference, String orderId) {
        return new Statement(ORDER_REFERENCE, channelId, reference, orderId);
    }

    static Statement paymentReference(String reference, String orderId) {
        return new Statement(PAYMENT_REFERENCE, reference, orderId);
    }

    /** {@code amount}: the fee in the company currency, as its entry posted it. */
    static Statement feeEstimate(String eventId, OrderFeeRecorded event, BigDecimal amount) {
        return new Statement(FEE_ESTIMATE, eventId, event.orderId(), event.type().name(), amount);
    }

    /** The chunk's order fee rows that name an order; empty when it has none. */
    static Optional<Statement> settlementFees(SettlementRowsRecorded event) {
        List<String> references = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (SettlementRow row : event.rows()) {
            if (row.kind().isOrderFee() && row.orderReference() != null) {
                references.add(row.orderReference());
                kinds.add(row.kind().name());
                amounts.add(row.amount());
            }
        }
        if (references.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Statement(SETTLEMENT_FEES, event.settlementId(), event.chunk(),
                new Array("varchar", references.toArray()), new Array("varchar", kinds.toArray()),
                new Array("numeric", amounts.toArray())));
    }

    static Statement feeReplaced(String settlementId, Map<String, List<FeeType>> replaced) {
        List<String> orders = new ArrayList<>();
        List<String> types = new ArrayList<>();
        replaced.forEach((order, feeTypes) -> feeTypes.forEach(type -> {
            orders.add(order);
            types.add(type.name());
        }));
        return new Statement(FEE_REPLACED, settlementId, new Array("varchar", orders.toArray()),
                new Array("varchar", types.toArray()));
    }

    /**
     * The settlement's order fees per order the channel knows (by either reference), with each order's estimates
     * not yet replaced.
     */
    static List<OrderFees> orderFees(DSLContext dsl, String settlementId, String channelId) {
        Map<String, Map<FeeType, BigDecimal>> settled = new LinkedHashMap<>();
        dsl.resultQuery("""
                        SELECT r.order_id, s.kind, sum(s.amount)
                        FROM ledger_settlement_fee s
                        JOIN ledger_order_reference r ON r.channel_id = ? AND r.reference = s.order_reference
                        WHERE s.settlement_id = ?
                        GROUP BY r.order_id, s.kind
                        ORDER BY r.order_id, s.kind""", channelId, settlementId)
                .forEach(row -> settled.computeIfAbsent(row.get(0, String.class), o -> new EnumMap<>(FeeType.class))
                        .merge(SettlementPostingRules.feeType(SettlementRowKind.valueOf(row.get(1, String.class))),
                                row.get(2, BigDecimal.class), BigDecimal::add));
        if (settled.isEmpty()) {
            return List.of();
        }
        Map<String, Map<FeeType, BigDecimal>> estimated = new LinkedHashMap<>();
        dsl.resultQuery("""
                        SELECT order_id, fee_type, sum(amount) FROM ledger_order_fee
                        WHERE order_id = ANY(?::varchar[]) AND replaced_by IS NULL
                        GROUP BY order_id, fee_type""", (Object) settled.keySet().toArray(String[]::new))
                .forEach(row -> estimated.computeIfAbsent(row.get(0, String.class),
                        o -> new EnumMap<>(FeeType.class)).put(FeeType.valueOf(row.get(1, String.class)),
                        row.get(2, BigDecimal.class)));
        List<OrderFees> orders = new ArrayList<>();
        settled.forEach((order, fees) -> orders.add(new OrderFees(order, fees,
                estimated.getOrDefault(order, Map.of()))));
        return orders;
    }
}
