package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_BALANCE_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_ENTRY;
import static com.omniops.projections.jooq.Tables.LEDGER_LINE;
import static com.omniops.projections.jooq.Tables.LEDGER_MARGIN_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import com.omniops.projections.ledger.LedgerReportViews.BalanceSheet;
import com.omniops.projections.ledger.LedgerReportViews.IncomeStatement;
import com.omniops.projections.ledger.LedgerReportViews.IncomeStatementRow;
import com.omniops.projections.ledger.LedgerReportViews.MarginFilter;
import com.omniops.projections.ledger.LedgerReportViews.MarginGroup;
import com.omniops.projections.ledger.LedgerReportViews.MarginPage;
import com.omniops.projections.ledger.LedgerReportViews.MarginRow;
import com.omniops.projections.ledger.LedgerReportViews.MarginSort;
import com.omniops.projections.ledger.LedgerReportViews.StatementRow;
import com.omniops.projections.ledger.LedgerReportViews.TaxSummary;
import com.omniops.projections.ledger.LedgerReportViews.TaxSummaryRow;
import com.omniops.projections.ledger.Margin.Component;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports from the books (docs/ledger.md "Reports"): margins by order, SKU, channel or day, the income statement of a
 * month by channel, the balance sheet at a date and the tax summary of a period. Margins and the income statement by
 * channel read the same journal lines through one definition ({@link Margin}, {@link #orderLines}), so margin by
 * channel for a month equals that month's income statement by channel to the cent.
 */
@Service
public class LedgerReports {

    /** The channel column of an income statement for what belongs to no order (stock losses, receipt rounding). */
    public static final String NO_CHANNEL = "";

    private final DSLContext dsl;
    private final ChartOfAccounts chart;
    private final Map<Component, List<String>> accountsOf = new EnumMap<>(Component.class);
    private final List<String> incomeAccounts = new ArrayList<>();

    public LedgerReports(DSLContext dsl, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.chart = chart;
        for (Account account : chart.accounts()) {
            if (account.type() == AccountType.REVENUE || account.type() == AccountType.EXPENSE) {
                incomeAccounts.add(account.code());
                accountsOf.computeIfAbsent(Component.of(account.code(), chart), c -> new ArrayList<>())
                        .add(account.code());
            }
        }
    }

    /**
     * Margins of the orders' journal lines grouped by order, SKU (lines without one: the order-level figures, fees,
     * shipping and refunds, in a row with key null), channel or business day; sorted and paged, with the total over
     * every group the filter matches.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MarginPage margins(MarginFilter filter, MarginGroup groupBy, MarginSort sort, boolean descending,
                              PageRequest page) {
        MarginQuery query = new MarginQuery(filter, groupBy, incomeAccounts, accountsOf);
        long groups = dsl.fetchCount(query.grouped);
        List<MarginRow> rows = dsl.selectFrom(query.grouped).orderBy(query.order(sort, descending))
                .limit(page.size()).offset(page.offset())
                .fetch(r -> row(groupBy, r.get("key", String.class), margin(r), filter));
        Record total = dsl.select(query.sums).from(query.source).where(query.where).fetchOne();
        return new MarginPage(groupBy, chart.companyCurrency(), rows, margin(total), page.page(), page.size(), groups,
                page.totalPages(groups));
    }

    /** Every group's margin, sorted as {@link #margins} sorts them, read through a cursor (an export of any size). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void streamMargins(MarginFilter filter, MarginGroup groupBy, MarginSort sort, boolean descending,
                              Consumer<MarginRow> each) {
        MarginQuery query = new MarginQuery(filter, groupBy, incomeAccounts, accountsOf);
        try (Stream<? extends Record> rows = dsl.selectFrom(query.grouped).orderBy(query.order(sort, descending))
                .fetchSize(1_000).stream()) {
            rows.forEach(r -> each.accept(row(groupBy, r.get("key", String.class), margin(r), filter)));
        }
    }

    /** An order's margin over every line it posted, with its channel. */
    public record OrderMargin(String orderId, String channelId, Margin margin) {
    }

    /** A channel's margin of one SKU over some business days (the lines that carry the SKU). */
    public record SkuChannelMargin(String channelId, String sku, Margin margin) {
    }

    /**
     * The margin of every order with a journal entry dated {@code from} or later (an order whose margin may have
     * changed since then), each over all its lines whatever their dates, ordered by order id.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<OrderMargin> marginsOfOrdersPostedSince(LocalDate from) {
        Select<Record1<String>> posted = select(LEDGER_ENTRY.ORDER_ID).from(LEDGER_ENTRY)
                .where(LEDGER_ENTRY.BUSINESS_DATE.ge(from), LEDGER_ENTRY.ORDER_ID.isNotNull());
        Map<String, String> channels = dsl.select(LEDGER_ORDER.ORDER_ID, LEDGER_ORDER.CHANNEL_ID).from(LEDGER_ORDER)
                .where(LEDGER_ORDER.ORDER_ID.in(posted)).fetchMap(LEDGER_ORDER.ORDER_ID, LEDGER_ORDER.CHANNEL_ID);
        MarginQuery query = new MarginQuery(new MarginFilter(null, null, null, null, null), MarginGroup.ORDER,
                incomeAccounts, accountsOf, LEDGER_LINE.ORDER_ID.in(posted));
        return dsl.selectFrom(query.grouped).orderBy(query.order(MarginSort.KEY, false)).fetch(r -> {
            String orderId = r.get("key", String.class);
            return new OrderMargin(orderId, channels.get(orderId), margin(r));
        });
    }

    /**
     * Per channel with sales on business days {@code from}–{@code to}, the margin of each SKU over those days (the
     * rows {@link #margins} gives grouped by SKU with that channel's filter, without the order-level row), ordered
     * by channel and SKU.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<SkuChannelMargin> marginsOfSkusByChannel(LocalDate from, LocalDate to) {
        List<String> channels = dsl.selectDistinct(LEDGER_MARGIN_DAILY.CHANNEL_ID).from(LEDGER_MARGIN_DAILY)
                .where(LEDGER_MARGIN_DAILY.BUSINESS_DATE.between(from, to))
                .orderBy(LEDGER_MARGIN_DAILY.CHANNEL_ID).fetch(LEDGER_MARGIN_DAILY.CHANNEL_ID);
        List<SkuChannelMargin> margins = new ArrayList<>();
        for (String channel : channels) {
            MarginQuery query = new MarginQuery(new MarginFilter(from, to, channel, null, null), MarginGroup.SKU,
                    incomeAccounts, accountsOf);
            dsl.selectFrom(query.grouped).orderBy(query.order(MarginSort.KEY, false)).forEach(r -> {
                String sku = r.get("key", String.class);
                if (sku != null) {
                    margins.add(new SkuChannelMargin(channel, sku, margin(r)));
                }
            });
        }
        return margins;
    }

    /**
     * The revenue and expense accounts' amounts for one month (revenue as credit − debit, expenses as debit −
     * credit), each split by the channel of the order its lines belong to ({@link #NO_CHANNEL} for none), with the
     * totals and the net income.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public IncomeStatement incomeStatement(YearMonth month) {
        Map<String, Map<String, BigDecimal>> byAccount = new TreeMap<>();
        Field<String> channel = coalesce(LEDGER_ORDER.CHANNEL_ID, inline(NO_CHANNEL));
        dsl.select(LEDGER_LINE.ACCOUNT_CODE, channel, sum(LEDGER_LINE.CREDIT.minus(LEDGER_LINE.DEBIT)))
                .from(LEDGER_LINE.leftJoin(LEDGER_ORDER).on(LEDGER_ORDER.ORDER_ID.eq(LEDGER_LINE.ORDER_ID)))
                .where(LEDGER_LINE.ACCOUNT_CODE.in(incomeAccounts),
                        LEDGER_LINE.BUSINESS_DATE.between(month.atDay(1), month.atEndOfMonth()))
                .groupBy(LEDGER_LINE.ACCOUNT_CODE, channel)
                .forEach(r -> byAccount.computeIfAbsent(r.value1(), a -> new TreeMap<>()).put(r.value2(),
                        r.value3()));
        List<IncomeStatementRow> rows = new ArrayList<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal expenses = BigDecimal.ZERO;
        Map<String, BigDecimal> netByChannel = new TreeMap<>();
        for (Account account : sorted(AccountType.REVENUE, AccountType.EXPENSE)) {
            int sign = account.type() == AccountType.REVENUE ? 1 : -1;
            Map<String, BigDecimal> channels = new LinkedHashMap<>();
            BigDecimal amount = BigDecimal.ZERO;
            for (var e : byAccount.getOrDefault(account.code(), Map.of()).entrySet()) {
                BigDecimal value = e.getValue().multiply(BigDecimal.valueOf(sign));
                channels.put(e.getKey(), Amounts.normalized(value));
                amount = amount.add(value);
                netByChannel.merge(e.getKey(), e.getValue(), BigDecimal::add);
            }
            if (sign > 0) {
                revenue = revenue.add(amount);
            } else {
                expenses = expenses.add(amount);
            }
            rows.add(new IncomeStatementRow(account.code(), account.name(), account.type(),
                    Amounts.normalized(amount), channels, "/api/ledger/journal?account=" + account.code() + "&from="
                    + month.atDay(1) + "&to=" + month.atEndOfMonth()));
        }
        netByChannel.replaceAll((c, v) -> Amounts.normalized(v));
        return new IncomeStatement(month, chart.companyCurrency(), rows, Amounts.normalized(revenue),
                Amounts.normalized(expenses), Amounts.normalized(revenue.subtract(expenses)), netByChannel);
    }

    /**
     * Assets, liabilities and equity at the end of {@code asOf} (assets as debit − credit, the others as credit −
     * debit), with the earnings to date (revenue − expenses, not yet closed into equity): assets = liabilities +
     * equity + earnings.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public BalanceSheet balanceSheet(LocalDate asOf) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        dsl.select(LEDGER_BALANCE_DAILY.ACCOUNT_CODE,
                        sum(LEDGER_BALANCE_DAILY.DEBIT.minus(LEDGER_BALANCE_DAILY.CREDIT)))
                .from(LEDGER_BALANCE_DAILY).where(LEDGER_BALANCE_DAILY.BUSINESS_DATE.le(asOf))
                .groupBy(LEDGER_BALANCE_DAILY.ACCOUNT_CODE)
                .forEach(r -> balances.put(r.value1(), r.value2()));
        List<StatementRow> assets = rows(balances, 1, AccountType.ASSET);
        List<StatementRow> liabilities = rows(balances, -1, AccountType.LIABILITY);
        List<StatementRow> equity = rows(balances, -1, AccountType.EQUITY);
        BigDecimal earnings = BigDecimal.ZERO;
        for (Account account : sorted(AccountType.REVENUE, AccountType.EXPENSE)) {
            earnings = earnings.subtract(balances.getOrDefault(account.code(), BigDecimal.ZERO));
        }
        BigDecimal totalAssets = total(assets);
        BigDecimal totalLiabilities = total(liabilities);
        BigDecimal totalEquity = total(equity).add(earnings);
        return new BalanceSheet(asOf, chart.companyCurrency(), assets, liabilities, equity,
                Amounts.normalized(earnings), Amounts.normalized(totalAssets), Amounts.normalized(totalLiabilities),
                Amounts.normalized(totalEquity),
                totalAssets.compareTo(totalLiabilities.add(totalEquity)) == 0);
    }

    /**
     * Per tax category, over business dates {@code from}–{@code to}: the tax collected on shipments (credits to its
     * payable account), the tax given back with refunds (debits), and the net payable for the period.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public TaxSummary taxSummary(LocalDate from, LocalDate to) {
        Map<String, String> categoryOf = new TreeMap<>();
        chart.postings().sales().taxPayable().forEach((category, account) -> categoryOf.merge(account, category,
                (a, b) -> a.compareTo(b) <= 0 ? a + ", " + b : b + ", " + a));
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        dsl.select(LEDGER_BALANCE_DAILY.ACCOUNT_CODE, sum(LEDGER_BALANCE_DAILY.DEBIT),
                        sum(LEDGER_BALANCE_DAILY.CREDIT))
                .from(LEDGER_BALANCE_DAILY)
                .where(LEDGER_BALANCE_DAILY.ACCOUNT_CODE.in(categoryOf.keySet()),
                        LEDGER_BALANCE_DAILY.BUSINESS_DATE.between(from, to))
                .groupBy(LEDGER_BALANCE_DAILY.ACCOUNT_CODE)
                .forEach(r -> sums.put(r.value1(), new BigDecimal[] {r.value2(), r.value3()}));
        List<TaxSummaryRow> rows = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (var e : categoryOf.entrySet()) {
            BigDecimal[] s = sums.getOrDefault(e.getKey(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal payable = s[1].subtract(s[0]);
            net = net.add(payable);
            rows.add(new TaxSummaryRow(e.getValue(), e.getKey(), chart.account(e.getKey()).map(Account::name)
                    .orElse(null), Amounts.normalized(s[1]), Amounts.normalized(s[0]), Amounts.normalized(payable),
                    "/api/ledger/journal?account=" + e.getKey() + "&from=" + from + "&to=" + to));
        }
        return new TaxSummary(from, to, chart.companyCurrency(), rows, Amounts.normalized(net));
    }

    private static Margin margin(Record r) {
        Map<Component, BigDecimal> income = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            income.put(component, r.get(component.name(), BigDecimal.class));
        }
        return Margin.of(income);
    }

    private MarginRow row(MarginGroup groupBy, String key, Margin margin, MarginFilter filter) {
        String dates = (filter.from() == null ? "" : "&from=" + filter.from())
                + (filter.to() == null ? "" : "&to=" + filter.to());
        String drill = switch (groupBy) {
            case ORDER -> "orderId=" + key;
            case SKU -> key == null ? null : "sku=" + key + dates;
            case CHANNEL -> "channel=" + key + dates;
            case DAY -> "from=" + key + "&to=" + key;
        };
        return new MarginRow(key, margin, drill == null ? null : "/api/ledger/journal?" + drill);
    }

    private List<Account> sorted(AccountType... types) {
        List<AccountType> wanted = List.of(types);
        return chart.accounts().stream().filter(a -> wanted.contains(a.type()))
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    private List<StatementRow> rows(Map<String, BigDecimal> balances, int sign, AccountType type) {
        return sorted(type).stream().map(a -> new StatementRow(a.code(), a.name(), Amounts.normalized(
                balances.getOrDefault(a.code(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(sign))))).toList();
    }

    private static BigDecimal total(List<StatementRow> rows) {
        return rows.stream().map(StatementRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
