package com.omniops.projections.settlements;

import com.omniops.projections.support.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The one definition of what an order should have settled and what it did (docs/settlements.md "Differences"), for
 * the orders of channels that have imported settlements:
 * <ul>
 *   <li>expected sales = its captured payments − its refunds paid out; settled sales = the price, tax, shipping and
 *       promotion rows matched to it in imported settlements (a refund's rows negative):
 *       {@code salesDifference} = settled − expected;</li>
 *   <li>fees recorded = its OrderFeeRecorded amounts; fees settled = its order fee rows (commission, fulfilment,
 *       payment, other), as a cost: {@code feeDifference} = settled − recorded;</li>
 *   <li>refunds settled = the refund transactions' sales rows, as a cost, against the refunds it paid out.</li>
 * </ul>
 * What explains a difference ({@link Type}) follows from those figures; an order that was paid and appears in no
 * settlement is NOT_SETTLED once its first payment is older than the cut-off, and a refund paid out is
 * REFUND_NOT_YET_SETTLED once it is older than the cut-off (before, the next settlement may carry it: a timing
 * difference, which is also why it does not count against a settlement's reconciliation). A difference finance accepted stays
 * accepted while it is the same; a new payment, fee, refund or row opens it again.
 */
public final class OrderDifferences {

    /** What explains an order's difference. */
    public enum Type {
        FEE_HIGHER_THAN_RECORDED, FEE_LOWER_THAN_RECORDED, REFUND_SETTLED_NOT_RECORDED, REFUND_NOT_YET_SETTLED,
        SALES_DIFFERENCE, NOT_SETTLED
    }

    public record Acceptance(String by, String reason, Instant at, String settlementId) {
    }

    public record Difference(String orderId, String channelId, String channelOrderRef, String currency,
                             BigDecimal captured, BigDecimal refunded, BigDecimal expectedSales,
                             BigDecimal settledSales, BigDecimal salesDifference, BigDecimal refundsSettled,
                             BigDecimal feesRecorded, BigDecimal feesSettled, BigDecimal feeDifference,
                             Instant firstPaidAt, List<String> settlements, List<Type> types, boolean open,
                             Acceptance accepted) {
    }

    /** The figures of every order of a channel with imported settlements; {@code %s}: extra conditions on x. */
    static final String QUERY = """
            SELECT * FROM (
                SELECT d.*,
                       (in_settlement AND fee_difference > 0) AS fee_higher,
                       (in_settlement AND fee_difference < 0) AS fee_lower,
                       (in_settlement AND refunds_settled > refunded) AS refund_not_recorded,
                       (in_settlement AND refunds_settled < refunded AND last_refunded_at < {0})
                           AS refund_not_settled,
                       (in_settlement AND sales_difference <> refunded - refunds_settled) AS sales_other,
                       (NOT in_settlement AND captured > 0 AND first_paid_at < {0}) AS not_settled,
                       (accepted_at IS NOT NULL AND accepted_sales_difference = sales_difference
                            AND accepted_fee_difference = fee_difference) AS still_accepted
                FROM (
                    SELECT o.*,
                           coalesce(st.sales, 0) AS settled_sales,
                           coalesce(st.refunds, 0) AS refunds_settled,
                           coalesce(st.fees, 0) AS fees_settled,
                           st.settlements,
                           coalesce(st.sales, 0) - (o.captured - o.refunded) AS sales_difference,
                           coalesce(st.fees, 0) - o.fees_recorded AS fee_difference,
                           st.order_id IS NOT NULL AS in_settlement
                    FROM settlements_order o
                    LEFT JOIN (
                        SELECT r.order_id,
                               sum(r.amount) FILTER (WHERE r.kind IN ('PRINCIPAL', 'TAX', 'SHIPPING', 'PROMOTION'))
                                   AS sales,
                               -sum(r.amount) FILTER (WHERE r.kind IN ('PRINCIPAL', 'TAX', 'SHIPPING', 'PROMOTION')
                                   AND lower(r.transaction_type) = 'refund') AS refunds,
                               -sum(r.amount) FILTER (WHERE r.kind IN ('COMMISSION', 'FULFILMENT_FEE', 'PAYMENT_FEE',
                                   'OTHER_FEE')) AS fees,
                               string_agg(DISTINCT r.settlement_id, ',') AS settlements
                        FROM settlements_row r
                        JOIN settlements_settlement s ON s.settlement_id = r.settlement_id AND s.status = 'IMPORTED'
                        WHERE r.order_id IS NOT NULL
                        GROUP BY r.order_id) st ON st.order_id = o.order_id
                    WHERE o.channel_id IN (SELECT channel_id FROM settlements_settlement WHERE status = 'IMPORTED')
                ) d
            ) x
            """;

    /** How often the cut-off ({0}) occurs in {@link #QUERY}: a bind for each. */
    static final int CUTOFFS = QUERY.split("\\{0}", -1).length - 1;

    /** Condition: the order has a difference of any type. */
    static final String ANY = "(x.fee_higher OR x.fee_lower OR x.refund_not_recorded OR x.refund_not_settled "
            + "OR x.sales_other OR x.not_settled)";
    /** Condition: the difference is open (not accepted as it is). */
    static final String OPEN = ANY + " AND NOT x.still_accepted";

    private OrderDifferences() {
    }

    /** One order's figures now (no cut-off: an order never settled counts as not settled). */
    static Difference of(DSLContext dsl, String orderId) {
        Record r = dsl.resultQuery(QUERY.replace("{0}", "'infinity'::timestamptz") + " WHERE x.order_id = ?",
                orderId).fetchOne();
        if (r == null) {
            return new Difference(orderId, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, null, List.of(), List.of(), false, null);
        }
        return difference(r);
    }

    static Difference difference(Record r) {
        List<Type> types = new ArrayList<>();
        flag(r, "fee_higher", Type.FEE_HIGHER_THAN_RECORDED, types);
        flag(r, "fee_lower", Type.FEE_LOWER_THAN_RECORDED, types);
        flag(r, "refund_not_recorded", Type.REFUND_SETTLED_NOT_RECORDED, types);
        flag(r, "refund_not_settled", Type.REFUND_NOT_YET_SETTLED, types);
        flag(r, "sales_other", Type.SALES_DIFFERENCE, types);
        flag(r, "not_settled", Type.NOT_SETTLED, types);
        boolean stillAccepted = Boolean.TRUE.equals(r.get("still_accepted", Boolean.class));
        OffsetDateTime acceptedAt = r.get("accepted_at", OffsetDateTime.class);
        String settlements = r.get("settlements", String.class);
        BigDecimal captured = r.get("captured", BigDecimal.class);
        BigDecimal refunded = r.get("refunded", BigDecimal.class);
        return new Difference(r.get("order_id", String.class), r.get("channel_id", String.class),
                r.get("channel_order_ref", String.class), r.get("currency", String.class), money(captured),
                money(refunded), money(captured.subtract(refunded)), money(r.get("settled_sales", BigDecimal.class)),
                money(r.get("sales_difference", BigDecimal.class)), money(r.get("refunds_settled", BigDecimal.class)),
                money(r.get("fees_recorded", BigDecimal.class)), money(r.get("fees_settled", BigDecimal.class)),
                money(r.get("fee_difference", BigDecimal.class)), instant(r.get("first_paid_at",
                OffsetDateTime.class)), settlements == null ? List.of() : Arrays.stream(settlements.split(","))
                .sorted().toList(), types, !types.isEmpty() && !stillAccepted,
                acceptedAt == null ? null : new Acceptance(r.get("accepted_by", String.class),
                        r.get("accepted_reason", String.class), acceptedAt.toInstant(),
                        r.get("accepted_in", String.class)));
    }

    private static void flag(Record r, String column, Type type, List<Type> types) {
        if (Boolean.TRUE.equals(r.get(column, Boolean.class))) {
            types.add(type);
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return Amounts.normalized(amount);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
