package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_LINE;
import static com.omniops.projections.jooq.Tables.LEDGER_MARGIN_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import com.omniops.projections.ledger.LedgerReportViews.MarginFilter;
import com.omniops.projections.ledger.LedgerReportViews.MarginGroup;
import com.omniops.projections.ledger.LedgerReportViews.MarginSort;
import com.omniops.projections.ledger.Margin.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;

/**
 * The orders' revenue and expense lines the filter matches, summed per margin component and per group. By channel or
 * day without an order or SKU filter it reads the lines' totals per channel, day and account (ledger_margin_daily,
 * written with the lines; check MARGIN_DAILY_TOTALS_MATCH_LINES) instead of the lines themselves: the same sums, in
 * rows per day rather than per line.
 */
final class MarginQuery {

    final Condition where;
    final List<Field<BigDecimal>> sums = new ArrayList<>();
    final Table<?> grouped;
    /** What the sums read: the orders' lines, or their daily totals per channel. */
    final Table<?> source;

    MarginQuery(MarginFilter filter, MarginGroup groupBy, List<String> incomeAccounts,
                Map<Component, List<String>> accountsOf) {
        this(filter, groupBy, incomeAccounts, accountsOf, noCondition());
    }

    /** ... and only the order lines {@code lines} also matches (a condition on ledger_line and ledger_order). */
    MarginQuery(MarginFilter filter, MarginGroup groupBy, List<String> incomeAccounts,
                Map<Component, List<String>> accountsOf, Condition lines) {
        boolean daily = (groupBy == MarginGroup.CHANNEL || groupBy == MarginGroup.DAY) && filter.orderId() == null
                && filter.sku() == null && lines.equals(noCondition());
        source = daily ? LEDGER_MARGIN_DAILY : orderLines();
        Field<String> account = daily ? LEDGER_MARGIN_DAILY.ACCOUNT_CODE : LEDGER_LINE.ACCOUNT_CODE;
        Field<LocalDate> date = daily ? LEDGER_MARGIN_DAILY.BUSINESS_DATE : LEDGER_LINE.BUSINESS_DATE;
        Field<String> channel = daily ? LEDGER_MARGIN_DAILY.CHANNEL_ID : LEDGER_ORDER.CHANNEL_ID;
        Field<BigDecimal> income = daily ? LEDGER_MARGIN_DAILY.CREDIT.minus(LEDGER_MARGIN_DAILY.DEBIT)
                : LEDGER_LINE.CREDIT.minus(LEDGER_LINE.DEBIT);
        Field<String> key = switch (groupBy) {
            case ORDER -> LEDGER_LINE.ORDER_ID;
            case SKU -> LEDGER_LINE.SKU;
            case CHANNEL -> channel;
            case DAY -> date.cast(String.class);
        };
        where = account.in(incomeAccounts)
                .and(filter.from() == null ? noCondition() : date.ge(filter.from()))
                .and(filter.to() == null ? noCondition() : date.le(filter.to()))
                .and(filter.channelId() == null ? noCondition() : channel.eq(filter.channelId()))
                .and(filter.orderId() == null ? noCondition() : LEDGER_LINE.ORDER_ID.eq(filter.orderId()))
                .and(filter.sku() == null ? noCondition() : LEDGER_LINE.SKU.eq(filter.sku()))
                .and(lines);
        for (Component component : Component.values()) {
            sums.add(coalesce(sum(income).filterWhere(account.in(accountsOf.getOrDefault(component, List.of()))),
                    BigDecimal.ZERO).as(component.name()));
        }
        grouped = select(key.as("key")).select(sums).from(source).where(where).groupBy(key).asTable("m");
    }

    /** Journal lines that belong to an order, with the order's channel. */
    static Table<?> orderLines() {
        return LEDGER_LINE.join(LEDGER_ORDER).on(LEDGER_ORDER.ORDER_ID.eq(LEDGER_LINE.ORDER_ID));
    }

    /** The sort, then the key (so pages are stable). */
    List<SortField<?>> order(MarginSort sort, boolean descending) {
        Field<BigDecimal> value = switch (sort) {
            case KEY -> null;
            case GROSS_REVENUE -> sumOf(Component.GROSS_REVENUE);
            case NET_REVENUE -> sumOf(Component.GROSS_REVENUE, Component.DISCOUNTS);
            case NET_SALES -> sumOf(Component.GROSS_REVENUE, Component.DISCOUNTS, Component.REFUNDS);
            case COST_OF_GOODS_SOLD -> sumOf(Component.COST_OF_GOODS_SOLD).neg();
            case GROSS_MARGIN -> sumOf(Component.GROSS_REVENUE, Component.DISCOUNTS, Component.REFUNDS,
                    Component.COST_OF_GOODS_SOLD);
            case FEES -> sumOf(Component.FEES).neg();
            case CONTRIBUTION_MARGIN -> sumOf(Component.values());
        };
        Field<String> key = grouped.field("key", String.class);
        Field<?> by = value == null ? key : value;
        return List.of(descending ? by.desc().nullsLast() : by.asc().nullsFirst(), key.asc().nullsFirst());
    }

    /** The sum of components' columns (each income-positive, so every margin is a plain sum). */
    private Field<BigDecimal> sumOf(Component... components) {
        Field<BigDecimal> sum = null;
        for (Component component : components) {
            Field<BigDecimal> column = grouped.field(component.name(), BigDecimal.class);
            sum = sum == null ? column : sum.plus(column);
        }
        return sum;
    }
}

