package com.omniops.query.ledger;

import com.omniops.projections.ledger.LedgerReportViews.MarginFilter;
import com.omniops.projections.ledger.LedgerReportViews.MarginGroup;
import com.omniops.projections.ledger.LedgerReportViews.MarginSort;
import com.omniops.projections.ledger.LedgerViews.JournalFilter;
import java.time.LocalDate;
import java.time.YearMonth;

/** The questions the ledger answers on the query bus; parameters are validated by {@link LedgerController}. */
public final class LedgerQueries {

    private LedgerQueries() {
    }

    /** Every account's totals up to and including {@code asOf}. */
    public record GetTrialBalance(LocalDate asOf) {
    }

    /** Journal lines, newest first. */
    public record ListJournalLines(JournalFilter filter, int page, int size) {
    }

    /** The entry one event posted. */
    public record GetJournalEntry(String eventId) {
    }

    /** The books' invariants on the live data. */
    public record GetLedgerChecks() {
    }

    /** Margins grouped, sorted and paged. */
    public record ListMargins(MarginFilter filter, MarginGroup groupBy, MarginSort sort, boolean descending, int page,
                              int size) {
    }

    /** One month's income statement by channel. */
    public record GetIncomeStatement(YearMonth month) {
    }

    /** The balance sheet at the end of a business date. */
    public record GetBalanceSheet(LocalDate asOf) {
    }

    /** Tax collected, refunded and payable per tax category over business dates. */
    public record GetTaxSummary(LocalDate from, LocalDate to) {
    }
}
