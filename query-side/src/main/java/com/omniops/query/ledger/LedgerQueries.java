package com.omniops.query.ledger;

import com.omniops.projections.ledger.LedgerViews.JournalFilter;
import java.time.LocalDate;

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
}
