package com.omniops.command.settlement.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a payment provider's payout report (docs/settlements.md): CSV (RFC 4180: commas, fields in double quotes when
 * they hold a comma or a quote, quotes doubled), a header naming the {@link #COLUMNS} (in any order, case and
 * {@code _ - space} alike; further columns ignored), then one line per balance transaction: a charge, a refund, a fee,
 * an adjustment, the payout itself. Read line by line; each line goes to the caller as it is read. The first malformed
 * line stops the reading with {@link SettlementFileRejected} (line, column, reason).
 */
public final class PaymentPayoutReport {

    /** The columns, as named in the header (normalised: lower case, words joined by '-'). */
    public static final List<String> COLUMNS = List.of("id", "type", "payout-id", "order-reference", "gross", "fee",
            "net", "currency", "available-on");

    private PaymentPayoutReport() {
    }

    /**
     * One balance transaction: its id, type (charge, refund, adjustment, payout, ... as the provider names it), the
     * payout it is part of, the order reference the merchant gave the provider (ours: "PSP-…"), gross, the provider's
     * fee and net (may be negative), and when the money is available.
     */
    public record Transaction(long line, String id, String type, String payoutId, String orderReference,
                              BigDecimal gross, BigDecimal fee, BigDecimal net, String currency,
                              Instant availableOn) {
    }

    /** Reads every line after the header to {@code each}, in order; answers how many there were. */
    public static long read(Reader file, Consumer<Transaction> each) {
        BufferedReader in = file instanceof BufferedReader buffered ? buffered : new BufferedReader(file, 64 * 1024);
        try {
            String header = in.readLine();
            if (header == null) {
                throw new SettlementFileRejected(1, null, "the file is empty; a payout report starts with a header "
                        + "line naming its columns");
            }
            List<String> names = fields(header.startsWith("\uFEFF") ? header.substring(1) : header, 1);
            Map<String, Integer> index = header(names);
            long line = 1;
            long count = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> values = fields(text, line);
                if (values.size() != names.size()) {
                    throw new SettlementFileRejected(line, null, "the line has " + values.size() + " columns, the "
                            + "header " + names.size());
                }
                each.accept(transaction(values, index, line));
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Transaction transaction(List<String> values, Map<String, Integer> index, long line) {
        Value v = column -> {
            String value = values.get(index.get(column)).strip();
            return value.isEmpty() ? null : value;
        };
        String id = required(v, "id", line);
        String currency = ReportValues.currency(required(v, "currency", line).toUpperCase(Locale.ROOT), line,
                "currency");
        Instant availableOn = ReportValues.instant(required(v, "available-on", line), line, "available-on");
        return new Transaction(line, id, required(v, "type", line), v.get("payout-id"), v.get("order-reference"),
                amount(v, "gross", line), amount(v, "fee", line), amount(v, "net", line), currency, availableOn);
    }

    @FunctionalInterface
    private interface Value {
        String get(String column);
    }

    private static String required(Value v, String column, long line) {
        String value = v.get(column);
        if (value == null) {
            throw new SettlementFileRejected(line, column, "is empty");
        }
        return value;
    }

    private static BigDecimal amount(Value v, String column, long line) {
        return ReportValues.amount(required(v, column, line), line, column);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[ _-]+", "-"), i);
        }
        for (String column : COLUMNS) {
            if (!index.containsKey(column)) {
                throw new SettlementFileRejected(1, column, "the header lacks the column " + column + " (a payout "
                        + "report has the columns " + String.join(", ", COLUMNS) + ")");
            }
        }
        return index;
    }

    /** The fields of one CSV line (RFC 4180 quoting; a quoted field may not span lines here). */
    static List<String> fields(String text, long line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new SettlementFileRejected(line, null, "a quoted field is not closed on its line");
        }
        fields.add(field.toString());
        return fields;
    }
}
