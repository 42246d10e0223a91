package com.omniops.command.settlement.importing;

import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementSource;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Either report read into the shape the Settlement records: its summary and its rows, in file order, each row handed
 * on as it is read (docs/settlements.md). Reading the same file twice gives the same rows, which is how an import
 * checks the whole file first and records it afterwards without holding it in memory.
 */
public final class SettlementReport {

    /** A report id becomes part of the settlement's id and URL: letters, digits and {@code . _ : -}, up to 64. */
    private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private static final int MAX_TEXT = 255;

    private SettlementReport() {
    }

    /** What the report says of itself: which settlement or payout, its period, when and how much is paid out. */
    public record Summary(String reportId, Instant periodStart, Instant periodEnd, Instant depositDate,
                          BigDecimal total, String currency) {
    }

    /**
     * Reads the whole report, every row to {@code each}.
     *
     * @throws SettlementFileRejected at the first line that does not fit the report's layout
     */
    public static Summary read(SettlementSource source, Reader file, Consumer<SettlementRow> each) {
        return switch (source) {
            case MARKETPLACE_REPORT -> marketplace(file, each);
            case PAYOUT_REPORT -> payout(file, each);
        };
    }

    private static Summary marketplace(Reader file, Consumer<SettlementRow> each) {
        MarketplaceSettlementFile.Summary summary = MarketplaceSettlementFile.read(file, row -> each.accept(
                new SettlementRow(row.line(), row.kind(), text(row.transactionType(), row.line(), "transaction-type"),
                        text(row.orderId(), row.line(), "order-id"), row.amount(),
                        join(text(row.amountType(), row.line(), "amount-type"),
                                text(row.amountDescription(), row.line(), "amount-description")),
                        row.adjustmentId() != null ? text(row.adjustmentId(), row.line(), "adjustment-id")
                                : text(row.shipmentId(), row.line(), "shipment-id"),
                        text(row.sku(), row.line(), "sku"), row.quantity(), row.postedAt())));
        return new Summary(reportId(summary.settlementId(), 2, "settlement-id"), summary.start(), summary.end(),
                summary.depositDate(), summary.totalAmount(), summary.currency());
    }

    /**
     * A payout report holds one payout: every line names the same payout id and currency. The line of type "payout"
     * is the transfer to the bank: its net, negated, is the total paid out and its available-on the deposit date
     * (without one, the other lines' net and their last date). A charge or refund is two rows: its gross
     * (PRINCIPAL) and the provider's fee (PAYMENT_FEE, when not zero); a reserve line is RESERVE, a line whose type
     * names a fee ACCOUNT_FEE, anything else (an adjustment, a chargeback) UNKNOWN, for finance to explain.
     */
    private static Summary payout(Reader file, Consumer<SettlementRow> each) {
        PayoutSummary summary = new PayoutSummary();
        long lines = PaymentPayoutReport.read(file, t -> {
            summary.add(t);
            String type = t.type().strip().toLowerCase(Locale.ROOT);
            if (type.equals("payout")) {
                return;
            }
            if (type.equals("charge") || type.equals("payment") || type.equals("refund")) {
                if (t.gross().subtract(t.fee()).compareTo(t.net()) != 0) {
                    throw new SettlementFileRejected(t.line(), "net", "net " + t.net().toPlainString()
                            + " is not gross " + t.gross().toPlainString() + " − fee " + t.fee().toPlainString());
                }
                each.accept(row(t, SettlementRowKind.PRINCIPAL, t.gross()));
                if (t.fee().signum() != 0) {
                    each.accept(row(t, SettlementRowKind.PAYMENT_FEE, t.fee().negate()));
                }
            } else {
                SettlementRowKind kind = type.contains("reserve") ? SettlementRowKind.RESERVE
                        : type.contains("fee") ? SettlementRowKind.ACCOUNT_FEE : SettlementRowKind.UNKNOWN;
                each.accept(row(t, kind, t.net()));
            }
        });
        if (lines == 0) {
            throw new SettlementFileRejected(2, null, "the report has no transactions");
        }
        return summary.summary();
    }

    private static SettlementRow row(PaymentPayoutReport.Transaction t, SettlementRowKind kind, BigDecimal amount) {
        String type = text(t.type(), t.line(), "type");
        return new SettlementRow(t.line(), kind, type, text(t.orderReference(), t.line(), "order-reference"), amount,
                type, text(t.id(), t.line(), "id"), null, null, t.availableOn());
    }

    /** Gathers a payout's summary while its lines go by, refusing a line of another payout or currency. */
    private static final class PayoutSummary {
        private String payoutId;
        private String currency;
        private Instant first;
        private Instant last;
        private BigDecimal nets = BigDecimal.ZERO;
        private PaymentPayoutReport.Transaction payout;

        void add(PaymentPayoutReport.Transaction t) {
            if (t.payoutId() == null) {
                throw new SettlementFileRejected(t.line(), "payout-id", "is empty; every line of a payout report "
                        + "names its payout");
            }
            if (payoutId == null) {
                payoutId = reportId(t.payoutId(), t.line(), "payout-id");
                currency = t.currency();
            } else if (!payoutId.equals(t.payoutId())) {
                throw new SettlementFileRejected(t.line(), "payout-id", "the line belongs to payout " + t.payoutId()
                        + ", the report's first line to " + payoutId + " (import one payout per file)");
            } else if (!currency.equals(t.currency())) {
                throw new SettlementFileRejected(t.line(), "currency", "the line is in " + t.currency()
                        + ", the payout in " + currency);
            }
            if (t.type().strip().equalsIgnoreCase("payout")) {
                if (payout != null) {
                    throw new SettlementFileRejected(t.line(), "type", "a second payout line (the first is line "
                            + payout.line() + ")");
                }
                payout = t;
                return;
            }
            nets = nets.add(t.net());
            first = first == null || t.availableOn().isBefore(first) ? t.availableOn() : first;
            last = last == null || t.availableOn().isAfter(last) ? t.availableOn() : last;
        }

        Summary summary() {
            if (payout != null) {
                return new Summary(payoutId, first != null ? first : payout.availableOn(),
                        last != null ? last : payout.availableOn(), payout.availableOn(), payout.net().negate(),
                        currency);
            }
            return new Summary(payoutId, first, last, last, nets, currency);
        }
    }

    private static String reportId(String id, long line, String column) {
        if (!REPORT_ID.matcher(id).matches()) {
            throw new SettlementFileRejected(line, column, "'" + id + "' is not a usable id (letters, digits and "
                    + ". _ : - only, at most 64)");
        }
        return id;
    }

    /** A value the books keep: at most {@value #MAX_TEXT} characters. */
    private static String text(String value, long line, String column) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new SettlementFileRejected(line, column, "is " + value.length() + " characters long; at most "
                    + MAX_TEXT);
        }
        return value;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " / " + b;
    }
}
