package com.omniops.projections.ledger;

import static com.omniops.projections.jooq.Tables.LEDGER_BALANCE_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_ENTRY;
import static com.omniops.projections.jooq.Tables.LEDGER_LINE;
import static com.omniops.projections.jooq.Tables.LEDGER_MARGIN_DAILY;
import static com.omniops.projections.jooq.Tables.LEDGER_ORDER;
import static com.omniops.projections.jooq.Tables.LEDGER_STOCK_ITEM;
import static com.omniops.projections.jooq.Tables.LEDGER_TRANSIT_LINE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import com.omniops.projections.ledger.LedgerViews.EntryLine;
import com.omniops.projections.ledger.LedgerViews.JournalEntryView;
import com.omniops.projections.ledger.LedgerViews.JournalFilter;
import com.omniops.projections.ledger.LedgerViews.JournalLineView;
import com.omniops.projections.ledger.LedgerViews.JournalPage;
import com.omniops.projections.ledger.LedgerViews.LedgerCheck;
import com.omniops.projections.ledger.LedgerViews.LedgerChecks;
import com.omniops.projections.ledger.LedgerViews.Source;
import com.omniops.projections.ledger.LedgerViews.TrialBalance;
import com.omniops.projections.ledger.LedgerViews.TrialBalanceRow;
import com.omniops.projections.jooq.tables.records.LedgerEntryRecord;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the books: trial balance, journal, one entry, and the invariants checked on the live data. */
@Component
public class LedgerReadModel {

    private final DSLContext dsl;
    private final ChartOfAccounts chart;

    public LedgerReadModel(DSLContext dsl, ChartOfAccounts chart) {
        this.dsl = dsl;
        this.chart = chart;
    }

    /**
     * Every account of the chart with its totals up to and including {@code asOf} (accounts without postings show
     * zeros), in code order. Read from the daily totals: the cost grows with accounts × days, not with entries.
     */
    @Transactional(readOnly = true)
    public TrialBalance trialBalance(LocalDate asOf) {
        Map<String, BigDecimal[]> totals = new HashMap<>();
        dsl.select(LEDGER_BALANCE_DAILY.ACCOUNT_CODE, sum(LEDGER_BALANCE_DAILY.DEBIT), sum(LEDGER_BALANCE_DAILY.CREDIT))
                .from(LEDGER_BALANCE_DAILY)
                .where(LEDGER_BALANCE_DAILY.BUSINESS_DATE.le(asOf))
                .groupBy(LEDGER_BALANCE_DAILY.ACCOUNT_CODE)
                .forEach(r -> totals.put(r.value1(), new BigDecimal[] {r.value2(), r.value3()}));
        List<TrialBalanceRow> rows = new ArrayList<>();
        BigDecimal totalDebit = BigDecimal.ZERO;
        BigDecimal totalCredit = BigDecimal.ZERO;
        for (Account account : chart.accounts().stream()
                .sorted((a, b) -> a.code().compareTo(b.code())).toList()) {
            BigDecimal[] sums = totals.getOrDefault(account.code(), new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            totalDebit = totalDebit.add(sums[0]);
            totalCredit = totalCredit.add(sums[1]);
            rows.add(new TrialBalanceRow(account.code(), account.name(), account.type(), Amounts.normalized(sums[0]),
                    Amounts.normalized(sums[1]), Amounts.normalized(sums[0].subtract(sums[1])),
                    "/api/ledger/journal?account=" + account.code() + "&to=" + asOf));
        }
        return new TrialBalance(asOf, chart.companyCurrency(), rows, Amounts.normalized(totalDebit),
                Amounts.normalized(totalCredit), totalDebit.compareTo(totalCredit) == 0);
    }

    /** Journal lines, newest event first (then line number), filtered and paged. */
    @Transactional(readOnly = true)
    public JournalPage journal(JournalFilter filter, PageRequest page) {
        Condition where = where(filter);
        long total = dsl.selectCount().from(LEDGER_LINE).join(LEDGER_ENTRY)
                .on(LEDGER_ENTRY.ENTRY_ID.eq(LEDGER_LINE.ENTRY_ID)).where(where).fetchOne(0, long.class);
        List<JournalLineView> items = dsl.select(LEDGER_LINE.fields()).select(LEDGER_ENTRY.fields())
                .from(LEDGER_LINE).join(LEDGER_ENTRY).on(LEDGER_ENTRY.ENTRY_ID.eq(LEDGER_LINE.ENTRY_ID))
                .where(where)
                .orderBy(LEDGER_LINE.GLOBAL_INDEX.desc(), LEDGER_LINE.LINE_NO)
                .limit(page.size()).offset(page.offset())
                .fetch(this::lineView);
        return new JournalPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /**
     * Every journal line the filter matches, in stream order (oldest event first, then line number), read through a
     * database cursor in one read-only transaction: an export of any size in constant memory.
     */
    @Transactional(readOnly = true)
    public void streamJournal(JournalFilter filter, Consumer<JournalLineView> each) {
        try (Stream<Record> rows = dsl.select(LEDGER_LINE.fields()).select(LEDGER_ENTRY.fields())
                .from(LEDGER_LINE).join(LEDGER_ENTRY).on(LEDGER_ENTRY.ENTRY_ID.eq(LEDGER_LINE.ENTRY_ID))
                .where(where(filter))
                .orderBy(LEDGER_LINE.GLOBAL_INDEX, LEDGER_LINE.LINE_NO)
                .fetchSize(1_000)
                .stream()) {
            rows.map(this::lineView).forEach(each);
        }
    }

    private static Condition where(JournalFilter filter) {
        return (filter.account() == null ? noCondition() : LEDGER_LINE.ACCOUNT_CODE.eq(filter.account()))
                .and(filter.from() == null ? noCondition() : LEDGER_LINE.BUSINESS_DATE.ge(filter.from()))
                .and(filter.to() == null ? noCondition() : LEDGER_LINE.BUSINESS_DATE.le(filter.to()))
                .and(filter.orderId() == null ? noCondition() : LEDGER_LINE.ORDER_ID.eq(filter.orderId()))
                .and(filter.sku() == null ? noCondition() : LEDGER_LINE.SKU.eq(filter.sku()))
                .and(filter.channelId() == null ? noCondition() : LEDGER_LINE.ORDER_ID.in(
                        select(LEDGER_ORDER.ORDER_ID).from(LEDGER_ORDER)
                                .where(LEDGER_ORDER.CHANNEL_ID.eq(filter.channelId()))))
                .and(filter.aggregateId() == null ? noCondition()
                        : LEDGER_ENTRY.AGGREGATE_ID.eq(filter.aggregateId()))
                .and(filter.eventId() == null ? noCondition() : LEDGER_LINE.ENTRY_ID.eq(filter.eventId()));
    }

    /** The entry a business event posted, with its lines; empty when the event posted none (or is unknown). */
    @Transactional(readOnly = true)
    public Optional<JournalEntryView> entry(String eventId) {
        LedgerEntryRecord entry = dsl.selectFrom(LEDGER_ENTRY).where(LEDGER_ENTRY.ENTRY_ID.eq(eventId)).fetchOne();
        if (entry == null) {
            return Optional.empty();
        }
        List<EntryLine> lines = dsl.selectFrom(LEDGER_LINE).where(LEDGER_LINE.ENTRY_ID.eq(eventId))
                .orderBy(LEDGER_LINE.LINE_NO)
                .fetch(l -> new EntryLine(l.getLineNo(), l.getAccountCode(), accountName(l.getAccountCode()),
                        Amounts.normalized(l.getDebit()), Amounts.normalized(l.getCredit()), l.getSku()));
        return Optional.of(new JournalEntryView(entry.getEntryId(), entry.getBusinessDate(),
                entry.getOriginalBusinessDate(), entry.getCurrency(),
                entry.getDescription(), source(entry), entry.getOrderId(), entry.getSku(), entry.getWarehouseId(),
                entry.getReference(), entry.getOriginalCurrency(),
                entry.getExchangeRate() == null ? null : entry.getExchangeRate().stripTrailingZeros(), lines));
    }

    /**
     * The books' invariants on the live data, all read in one snapshot (repeatable read), so a batch committing
     * meanwhile cannot make them disagree with each other.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public LedgerChecks checks() {
        List<LedgerCheck> checks = new ArrayList<>();

        var unbalanced = dsl.select(LEDGER_LINE.ENTRY_ID).from(LEDGER_LINE).groupBy(LEDGER_LINE.ENTRY_ID)
                .having(sum(LEDGER_LINE.DEBIT).ne(sum(LEDGER_LINE.CREDIT))).orderBy(LEDGER_LINE.ENTRY_ID).fetch();
        checks.add(new LedgerCheck("ENTRIES_BALANCED", unbalanced.isEmpty(), BigDecimal.ZERO,
                BigDecimal.valueOf(unbalanced.size()), unbalanced.isEmpty()
                ? "every journal entry's debits equal its credits"
                : "entries whose debits differ from their credits, e.g. " + unbalanced.get(0).value1()));

        Record totals = dsl.select(coalesce(sum(LEDGER_LINE.DEBIT), BigDecimal.ZERO),
                coalesce(sum(LEDGER_LINE.CREDIT), BigDecimal.ZERO)).from(LEDGER_LINE).fetchOne();
        BigDecimal debits = totals.get(0, BigDecimal.class);
        BigDecimal credits = totals.get(1, BigDecimal.class);
        checks.add(new LedgerCheck("TRIAL_BALANCE_BALANCED", debits.compareTo(credits) == 0,
                Amounts.normalized(debits), Amounts.normalized(credits),
                "expected: the total of all debits; actual: the total of all credits"));

        var lineSums = dsl.select(LEDGER_LINE.ACCOUNT_CODE, LEDGER_LINE.BUSINESS_DATE,
                        sum(LEDGER_LINE.DEBIT).as("debit"), sum(LEDGER_LINE.CREDIT).as("credit"))
                .from(LEDGER_LINE).groupBy(LEDGER_LINE.ACCOUNT_CODE, LEDGER_LINE.BUSINESS_DATE).asTable("l");
        int differing = dsl.fetchCount(select(inline(1))
                .from(lineSums.fullJoin(LEDGER_BALANCE_DAILY)
                        .on(LEDGER_BALANCE_DAILY.ACCOUNT_CODE.eq(lineSums.field(LEDGER_LINE.ACCOUNT_CODE))
                                .and(LEDGER_BALANCE_DAILY.BUSINESS_DATE.eq(lineSums.field(LEDGER_LINE.BUSINESS_DATE)))))
                .where(coalesce(LEDGER_BALANCE_DAILY.DEBIT, BigDecimal.ZERO)
                        .ne(coalesce(lineSums.field("debit", BigDecimal.class), BigDecimal.ZERO))
                        .or(coalesce(LEDGER_BALANCE_DAILY.CREDIT, BigDecimal.ZERO)
                                .ne(coalesce(lineSums.field("credit", BigDecimal.class), BigDecimal.ZERO)))));
        checks.add(new LedgerCheck("DAILY_TOTALS_MATCH_LINES", differing == 0, BigDecimal.ZERO,
                BigDecimal.valueOf(differing), "account-days whose daily totals differ from the sum of their lines"));

        var orderLineSums = dsl.select(LEDGER_ORDER.CHANNEL_ID, LEDGER_LINE.ACCOUNT_CODE, LEDGER_LINE.BUSINESS_DATE,
                        sum(LEDGER_LINE.DEBIT).as("debit"), sum(LEDGER_LINE.CREDIT).as("credit"))
                .from(MarginQuery.orderLines())
                .groupBy(LEDGER_ORDER.CHANNEL_ID, LEDGER_LINE.ACCOUNT_CODE, LEDGER_LINE.BUSINESS_DATE).asTable("o");
        int channelDaysDiffering = dsl.fetchCount(select(inline(1))
                .from(orderLineSums.fullJoin(LEDGER_MARGIN_DAILY)
                        .on(LEDGER_MARGIN_DAILY.CHANNEL_ID.eq(orderLineSums.field(LEDGER_ORDER.CHANNEL_ID))
                                .and(LEDGER_MARGIN_DAILY.ACCOUNT_CODE.eq(orderLineSums.field(LEDGER_LINE.ACCOUNT_CODE)))
                                .and(LEDGER_MARGIN_DAILY.BUSINESS_DATE.eq(
                                        orderLineSums.field(LEDGER_LINE.BUSINESS_DATE)))))
                .where(coalesce(LEDGER_MARGIN_DAILY.DEBIT, BigDecimal.ZERO)
                        .ne(coalesce(orderLineSums.field("debit", BigDecimal.class), BigDecimal.ZERO))
                        .or(coalesce(LEDGER_MARGIN_DAILY.CREDIT, BigDecimal.ZERO)
                                .ne(coalesce(orderLineSums.field("credit", BigDecimal.class), BigDecimal.ZERO)))));
        checks.add(new LedgerCheck("MARGIN_DAILY_TOTALS_MATCH_LINES", channelDaysDiffering == 0, BigDecimal.ZERO,
                BigDecimal.valueOf(channelDaysDiffering), "channel-account-days whose daily totals (the fast path of "
                + "margins by channel and day) differ from the sum of the orders' lines"));

        BigDecimal stockValue = dsl.select(coalesce(sum(LEDGER_STOCK_ITEM.UNIT_COST.mul(LEDGER_STOCK_ITEM.ON_HAND)),
                BigDecimal.ZERO)).from(LEDGER_STOCK_ITEM).fetchOne(0, BigDecimal.class);
        BigDecimal inventory = balance(chart.postings().inventory());
        checks.add(new LedgerCheck("INVENTORY_EQUALS_STOCK_VALUE", stockValue.compareTo(inventory) == 0,
                Amounts.normalized(stockValue), Amounts.normalized(inventory), "expected: the sum over all stock items"
                + " of on hand (held units included) × moving-average cost, as their events state them; actual: "
                + "the balance of account " + chart.postings().inventory()));

        BigDecimal open = dsl.select(coalesce(sum(LEDGER_TRANSIT_LINE.UNIT_COST.mul(
                        LEDGER_TRANSIT_LINE.SHIPPED.minus(LEDGER_TRANSIT_LINE.RECEIVED))), BigDecimal.ZERO))
                .from(LEDGER_TRANSIT_LINE).fetchOne(0, BigDecimal.class);
        BigDecimal inTransit = balance(chart.postings().inTransit());
        checks.add(new LedgerCheck("IN_TRANSIT_EQUALS_OPEN_TRANSFERS", open.compareTo(inTransit) == 0,
                Amounts.normalized(open), Amounts.normalized(inTransit), "expected: over all transfers, (shipped − "
                + "received so far) × the cost the units left with, as the transfers state them; actual: the "
                + "balance of account " + chart.postings().inTransit() + " (posted from the stock items' events; "
                + "while the ledger is between the two sides of one shipment or receipt the two can differ for a "
                + "moment)"));

        BigDecimal owed = dsl.select(coalesce(sum(LEDGER_ORDER.RECEIVABLE_BOOK), BigDecimal.ZERO)).from(LEDGER_ORDER)
                .fetchOne(0, BigDecimal.class);
        String receivables = chart.postings().sales().receivables();
        BigDecimal receivable = balance(receivables);
        checks.add(new LedgerCheck("RECEIVABLES_EQUAL_OPEN_ORDERS", owed.compareTo(receivable) == 0,
                Amounts.normalized(owed), Amounts.normalized(receivable), "expected: over all orders, what has "
                + "shipped and is not paid yet, at what the books hold it at; actual: the balance of account "
                + receivables));

        BigDecimal held = dsl.select(coalesce(sum(LEDGER_ORDER.DEPOSITS_BOOK), BigDecimal.ZERO)).from(LEDGER_ORDER)
                .fetchOne(0, BigDecimal.class);
        String deposits = chart.postings().customerDeposits();
        BigDecimal deposited = balance(deposits).negate();
        checks.add(new LedgerCheck("DEPOSITS_EQUAL_UNSHIPPED_PAYMENTS", held.compareTo(deposited) == 0,
                Amounts.normalized(held), Amounts.normalized(deposited), "expected: over all orders, what was paid "
                + "(less refunded) for what has not shipped, at what the books hold it at; actual: the credit balance "
                + "of account " + deposits));

        int deadLetters = dsl.fetchCount(table("deadletterentry"),
                field("processinggroup", String.class).eq(LedgerProjector.PROCESSING_GROUP));
        checks.add(new LedgerCheck("NO_DEAD_LETTERS", deadLetters == 0, BigDecimal.ZERO,
                BigDecimal.valueOf(deadLetters), "events the ledger could not post (GET "
                + "/api/admin/dead-letters?group=" + LedgerProjector.PROCESSING_GROUP + "): the books miss them "
                + "until they are retried"));

        Long upTo = dsl.select(max(LEDGER_ENTRY.GLOBAL_INDEX)).from(LEDGER_ENTRY).fetchOne(0, Long.class);
        return new LedgerChecks(checks.stream().allMatch(LedgerCheck::ok), upTo == null ? -1 : upTo, checks);
    }

    /** Debits minus credits of one account over all time. */
    private BigDecimal balance(String account) {
        Record sums = dsl.select(coalesce(sum(LEDGER_BALANCE_DAILY.DEBIT), BigDecimal.ZERO),
                        coalesce(sum(LEDGER_BALANCE_DAILY.CREDIT), BigDecimal.ZERO))
                .from(LEDGER_BALANCE_DAILY).where(LEDGER_BALANCE_DAILY.ACCOUNT_CODE.eq(account)).fetchOne();
        return sums.get(0, BigDecimal.class).subtract(sums.get(1, BigDecimal.class));
    }

    private JournalLineView lineView(Record r) {
        LedgerEntryRecord entry = r.into(LEDGER_ENTRY);
        String account = r.get(LEDGER_LINE.ACCOUNT_CODE);
        return new JournalLineView(r.get(LEDGER_LINE.ENTRY_ID), r.get(LEDGER_LINE.LINE_NO), account,
                accountName(account), Amounts.normalized(r.get(LEDGER_LINE.DEBIT)),
                Amounts.normalized(r.get(LEDGER_LINE.CREDIT)), r.get(LEDGER_LINE.BUSINESS_DATE),
                entry.getOriginalBusinessDate(), entry.getDescription(), source(entry), r.get(LEDGER_LINE.ORDER_ID),
                r.get(LEDGER_LINE.SKU),
                entry.getWarehouseId(), entry.getReference());
    }

    private static Source source(LedgerEntryRecord entry) {
        return new Source(entry.getEntryId(), entry.getGlobalIndex(), entry.getEventType(), entry.getAggregateType(),
                entry.getAggregateId(), entry.getAggregateSequence(), entry.getOccurredAt().toInstant(),
                entry.getActor(), "/api/audit/aggregates/" + entry.getAggregateId() + "/events?page="
                + entry.getAggregateSequence() + "&size=1");
    }

    private String accountName(String code) {
        return chart.account(code).map(Account::name).orElse(null);
    }
}
