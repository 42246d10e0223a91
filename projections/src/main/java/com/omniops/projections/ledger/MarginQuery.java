package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_LINE;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;

/** The orders' revenue and expense lines the filter matches, summed per margin component and per group. */
final class MarginQuery {

    final Condition where;
    final List<Field<BigDecimal>> sums = new ArrayList<>();
    final Table<?> grouped;

    MarginQuery(MarginFilter filter, MarginGroup groupBy, List<String> incomeAccounts,
                Map<Component, List<String>> accountsOf) {
        Field<String> key = switch (groupBy) {
            case ORDER -> LEDGER_LINE.ORDER_ID;
            case SKU -> LEDGER_LINE.SKU;
            case CHANNEL -> LEDGER_ORDER.CHANNEL_ID;
            case DAY -> LEDGER_LINE.BUSINESS_DATE.cast(String.class);
        };
        where = LEDGER_LINE.ACCOUNT_CODE.in(incomeAccounts)
                .and(filter.from() == null ? noCondition() : LEDGER_LINE.BUSINESS_DATE.ge(filter.from()))
                .and(filter.to() == null ? noCondition() : LEDGER_LINE.BUSINESS_DATE.le(filter.to()))
                .and(filter.channelId() == null ? noCondition()
                        : LEDGER_ORDER.CHANNEL_ID.eq(filter.channelId()))
                .and(filter.orderId() == null ? noCondition() : LEDGER_LINE.ORDER_ID.eq(filter.orderId()))
                .and(filter.sku() == null ? noCondition() : LEDGER_LINE.SKU.eq(filter.sku()));
        for (Component component : Component.values()) {
            sums.add(coalesce(sum(LEDGER_LINE.CREDIT.minus(LEDGER_LINE.DEBIT))
                    .filterWhere(LEDGER_LINE.ACCOUNT_CODE.in(accountsOf.getOrDefault(component, List.of()))),
                    BigDecimal.ZERO).as(component.name()));
        }
        grouped = select(key.as("key")).select(sums).from(orderLines()).where(where).groupBy(key).asTable("m");
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

