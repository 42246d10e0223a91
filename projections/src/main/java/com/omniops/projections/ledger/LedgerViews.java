package com.omniops.projections.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the ledger's queries answer (JSON as is). Amounts in the company currency, at most 4 decimals. */
public final class LedgerViews {

    private LedgerViews() {
    }

    /**
     * Every account's debits, credits and balance (debit − credit) from the first entry up to and including
     * {@code asOf}; {@code balanced} when total debits equal total credits, as they must.
     */
    public record TrialBalance(LocalDate asOf, String currency, List<TrialBalanceRow> accounts,
                               BigDecimal totalDebit, BigDecimal totalCredit, boolean balanced) {
        public TrialBalance {
            accounts = List.copyOf(accounts);
        }
    }

    /** One account's totals; {@code journalHref} lists its lines up to the same date. */
    public record TrialBalanceRow(String code, String name, AccountType type, BigDecimal debit, BigDecimal credit,
                                  BigDecimal balance, String journalHref) {
    }

    /**
     * One journal line with its entry: what business event posted it, when, by whom, about what; {@code auditHref} is
     * that event in the audit API (AUDITOR, ADMIN).
     */
    public record JournalLineView(String entryId, int lineNo, String accountCode, String accountName,
                                  BigDecimal debit, BigDecimal credit, LocalDate businessDate,
                                  LocalDate originalBusinessDate, String description, Source source, String orderId,
                                  String sku, String warehouseId, String reference) {
    }

    /** The event behind an entry. */
    public record Source(String eventId, long globalIndex, String eventType, String aggregateType,
                         String aggregateId, long aggregateSequence, Instant occurredAt, String actor,
                         String auditHref) {
    }

    public record JournalPage(List<JournalLineView> items, int page, int size, long totalItems, int totalPages) {
        public JournalPage {
            items = List.copyOf(items);
        }
    }

    /**
     * One business event's entry with all its lines, in the company currency ({@code currency}); when the event's
     * amounts were in another currency, that one ({@code originalCurrency}) and the rate used (company currency per
     * unit), else both null.
     */
    public record JournalEntryView(String entryId, LocalDate businessDate, LocalDate originalBusinessDate,
                                   String currency, String description,
                                   Source source, String orderId, String sku, String warehouseId, String reference,
                                   String originalCurrency, BigDecimal exchangeRate, List<EntryLine> lines) {
        public JournalEntryView {
            lines = List.copyOf(lines);
        }
    }

    public record EntryLine(int lineNo, String accountCode, String accountName, BigDecimal debit,
                            BigDecimal credit, String sku) {
    }

    /**
     * One of the books' invariants checked on the live data: {@code expected} and {@code actual} are the two figures
     * that must agree, {@code detail} says what was compared (and, when it fails, where to look).
     */
    public record LedgerCheck(String name, boolean ok, BigDecimal expected, BigDecimal actual, String detail) {
    }

    /** Every check, read in one snapshot of the read model; {@code ok} when all are. */
    public record LedgerChecks(boolean ok, long checkedUpToGlobalIndex, List<LedgerCheck> checks) {
        public LedgerChecks {
            checks = List.copyOf(checks);
        }
    }

    /**
     * Journal filters, each optional: account code, business dates (inclusive), order, SKU (of the line), the channel
     * of the order the entry belongs to, source aggregate (its id: an order, a stock item, ...), source event.
     */
    public record JournalFilter(String account, LocalDate from, LocalDate to, String orderId, String sku,
                                String channelId, String aggregateId, String eventId) {
    }
}
