package com.omniops.projections.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one business event posts: its lines (zero lines left out) and what the event was about. Balanced by
 * construction: an entry whose debits and credits differ cannot be made ({@link UnbalancedEntry}), so the projector
 * fails on the event and it goes to the dead-letter queue, never into the books. An entry may have no lines (e.g. a
 * receipt at cost zero): then nothing is posted.
 *
 * @param orderId     the order the event belongs to, if any
 * @param sku         the SKU it moved, if any
 * @param warehouseId the warehouse it happened in, if any
 * @param reference   the business document behind it (purchase order, transfer, fee, payment), if any
 * @param conversion  the currency the event's amounts were in and the rate used, when not the company currency
 */
public record JournalEntry(String description, String orderId, String sku, String warehouseId, String reference,
                           List<JournalLine> lines, Conversion conversion) {

    /** Amounts converted from {@code currency} at {@code rate} (company currency per unit) for this entry. */
    public record Conversion(String currency, BigDecimal rate) {
    }

    /** An entry of amounts in the company currency. */
    public JournalEntry(String description, String orderId, String sku, String warehouseId, String reference,
                        List<JournalLine> lines) {
        this(description, orderId, sku, warehouseId, reference, lines, null);
    }

    public JournalEntry {
        Objects.requireNonNull(description, "description");
        lines = lines.stream().filter(line -> !line.isZero()).toList();
        BigDecimal debits = lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (debits.compareTo(credits) != 0) {
            throw new UnbalancedEntry(description, debits, credits);
        }
    }

    /** A posting rule produced debits that differ from its credits: a bug in the rule, never posted. */
    public static final class UnbalancedEntry extends IllegalStateException {
        UnbalancedEntry(String description, BigDecimal debits, BigDecimal credits) {
            super("unbalanced journal entry '" + description + "': debits " + debits.toPlainString()
                    + " ≠ credits " + credits.toPlainString());
        }
    }
}
