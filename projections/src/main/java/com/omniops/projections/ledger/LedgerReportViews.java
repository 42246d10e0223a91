package com.omniops.projections.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the books' reports answer ({@link LedgerReports}); amounts in the company currency. */
public final class LedgerReportViews {

    private LedgerReportViews() {
    }

    /** How margins are grouped. */
    public enum MarginGroup { ORDER, SKU, CHANNEL, DAY }

    /** What margins are sorted by (then by key). */
    public enum MarginSort { KEY, GROSS_REVENUE, NET_REVENUE, NET_SALES, COST_OF_GOODS_SOLD, GROSS_MARGIN, FEES,
        CONTRIBUTION_MARGIN }

    /** Margin filters, each optional: business dates (inclusive), channel, order, SKU. */
    public record MarginFilter(LocalDate from, LocalDate to, String channelId, String orderId, String sku) {
    }

    /**
     * One group's margin; {@code key} is the order id, SKU (null: the order-level lines), channel or business day;
     * {@code journalHref} lists the journal lines behind it.
     */
    public record MarginRow(String key, Margin margin, String journalHref) {
    }

    /** A page of margins and the total over every group the filter matches. */
    public record MarginPage(MarginGroup groupBy, String currency, List<MarginRow> items, Margin total, int page,
                             int size, long totalItems, int totalPages) {
        public MarginPage {
            items = List.copyOf(items);
        }
    }

    /**
     * One revenue or expense account in a month: its amount (revenue credit − debit, expense debit − credit) and the
     * same split by channel ("" for lines that belong to no order).
     */
    public record IncomeStatementRow(String accountCode, String accountName, AccountType type, BigDecimal amount,
                                     Map<String, BigDecimal> byChannel, String journalHref) {
    }

    /** A month's income statement; {@code netIncomeByChannel}: revenue − expenses per channel. */
    public record IncomeStatement(YearMonth month, String currency, List<IncomeStatementRow> accounts,
                                  BigDecimal revenue, BigDecimal expenses, BigDecimal netIncome,
                                  Map<String, BigDecimal> netIncomeByChannel) {
        public IncomeStatement {
            accounts = List.copyOf(accounts);
        }
    }

    /** One account of a balance sheet, signed so that its normal balance is positive. */
    public record StatementRow(String accountCode, String accountName, BigDecimal amount) {
    }

    /** Assets = liabilities + equity, where equity includes the earnings to date ({@code balanced}). */
    public record BalanceSheet(LocalDate asOf, String currency, List<StatementRow> assets,
                               List<StatementRow> liabilities, List<StatementRow> equity, BigDecimal earningsToDate,
                               BigDecimal totalAssets, BigDecimal totalLiabilities, BigDecimal totalEquity,
                               boolean balanced) {
        public BalanceSheet {
            assets = List.copyOf(assets);
            liabilities = List.copyOf(liabilities);
            equity = List.copyOf(equity);
        }
    }

    /** One tax account (its categories) over a period: collected, given back with refunds, net payable. */
    public record TaxSummaryRow(String taxCategories, String accountCode, String accountName, BigDecimal collected,
                                BigDecimal refunded, BigDecimal payable, String journalHref) {
    }

    public record TaxSummary(LocalDate from, LocalDate to, String currency, List<TaxSummaryRow> categories,
                             BigDecimal payable) {
        public TaxSummary {
            categories = List.copyOf(categories);
        }
    }
}
