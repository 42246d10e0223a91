package com.omniops.command.settlement.importing;

import com.omniops.events.settlement.SettlementRowKind;
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
 * Reads a marketplace settlement report in the widely used V2 flat-file layout (docs/settlements.md): tab-delimited,
 * a header line naming the {@link #COLUMNS} (in any order; further columns are ignored), then the settlement's
 * summary line (id, period, deposit date, total, currency), then one line per amount. Amounts may use a decimal comma
 * ("95,00"). The file is read line by line, never whole: each row goes to the caller as it is read.
 * <p>
 * The first malformed line stops the reading with {@link SettlementFileRejected} naming the line, the column and the
 * reason; a caller that must import all or nothing reads the whole file before it imports anything.
 */
public final class MarketplaceSettlementFile {

    /** The V2 layout's columns. */
    public static final List<String> COLUMNS = List.of("settlement-id", "settlement-start-date",
            "settlement-end-date", "deposit-date", "total-amount", "currency", "transaction-type", "order-id",
            "merchant-order-id", "adjustment-id", "shipment-id", "marketplace-name", "amount-type",
            "amount-description", "amount", "fulfillment-id", "posted-date", "posted-date-time", "order-item-code",
            "merchant-order-item-id", "merchant-adjustment-item-id", "sku", "quantity-purchased");

    private MarketplaceSettlementFile() {
    }

    /** The summary line: which settlement, its period, when it is paid out and how much (may be negative). */
    public record Summary(String settlementId, Instant start, Instant end, Instant depositDate,
                          BigDecimal totalAmount, String currency) {
    }

    /**
     * One amount of the settlement, as the file states it, with its {@link SettlementRowKind}. {@code line} is its
     * line number in the file; {@code orderId} is the marketplace's order id (our channel order reference).
     */
    public record Row(long line, String transactionType, String orderId, String merchantOrderId,
                      String adjustmentId, String shipmentId, String marketplace, String amountType,
                      String amountDescription, SettlementRowKind kind, BigDecimal amount, Instant postedAt,
                      String sku, Integer quantity) {
    }

    /**
     * Reads the file: the header and the summary line, returned, and every amount line, in order, to {@code each}.
     *
     * @throws SettlementFileRejected at the first line that is not in the layout
     */
    public static Summary read(Reader file, Consumer<Row> each) {
        BufferedReader in = file instanceof BufferedReader buffered ? buffered : new BufferedReader(file, 64 * 1024);
        try {
            String header = in.readLine();
            if (header == null) {
                throw new SettlementFileRejected(1, null, "the file is empty; a V2 settlement report starts with a "
                        + "header line naming its columns");
            }
            Columns columns = Columns.of(stripBom(header));
            String first = in.readLine();
            if (first == null) {
                throw new SettlementFileRejected(2, null, "the summary line (settlement id, period, total) is "
                        + "missing");
            }
            Summary summary = summary(columns.split(first, 2));
            long line = 2;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue; // a trailing empty line
                }
                each.accept(row(columns.split(text, line), line, summary));
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Summary summary(Fields f) {
        String id = f.required("settlement-id");
        String currency = currency(f, "currency", true);
        return new Summary(id, f.instant("settlement-start-date", true), f.instant("settlement-end-date", true),
                f.instant("deposit-date", true), f.amount("total-amount", true), currency);
    }

    private static Row row(Fields f, long line, Summary summary) {
        String id = f.required("settlement-id");
        if (!id.equals(summary.settlementId())) {
            throw new SettlementFileRejected(line, "settlement-id", "the line belongs to settlement " + id
                    + ", the file's summary to " + summary.settlementId());
        }
        String currency = currency(f, "currency", false);
        if (currency != null && !currency.equals(summary.currency())) {
            throw new SettlementFileRejected(line, "currency", "the line is in " + currency + ", the settlement in "
                    + summary.currency());
        }
        String transactionType = f.required("transaction-type");
        String amountType = f.optional("amount-type");
        String amountDescription = f.optional("amount-description");
        String quantity = f.optional("quantity-purchased");
        Integer units = null;
        if (quantity != null) {
            try {
                units = Integer.valueOf(quantity);
            } catch (NumberFormatException e) {
                throw new SettlementFileRejected(line, "quantity-purchased", "'" + quantity + "' is not a whole "
                        + "number");
            }
        }
        Instant posted = f.instant("posted-date-time", false);
        return new Row(line, transactionType, f.optional("order-id"), f.optional("merchant-order-id"),
                f.optional("adjustment-id"), f.optional("shipment-id"), f.optional("marketplace-name"), amountType,
                amountDescription, RowKinds.of(transactionType, amountType, amountDescription),
                f.amount("amount", true), posted != null ? posted : f.instant("posted-date", false),
                f.optional("sku"), units);
    }

    private static String currency(Fields f, String column, boolean required) {
        String code = required ? f.required(column) : f.optional(column);
        return code == null ? null : ReportValues.currency(code, f.line(), column);
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    /** Where each column of the layout is in this file's lines. */
    private record Columns(Map<String, Integer> index, int count) {

        static Columns of(String header) {
            String[] names = header.split("\t", -1);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                index.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
            }
            List<String> missing = new ArrayList<>();
            for (String column : COLUMNS) {
                if (!index.containsKey(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                throw new SettlementFileRejected(1, missing.get(0), "the header lacks the column"
                        + (missing.size() > 1 ? "s " + String.join(", ", missing) : " " + missing.get(0))
                        + " (a V2 settlement report is tab-delimited, with the columns " + String.join(", ", COLUMNS)
                        + ")");
            }
            return new Columns(index, names.length);
        }

        Fields split(String text, long line) {
            String[] values = text.split("\t", -1);
            if (values.length != count) {
                throw new SettlementFileRejected(line, null, "the line has " + values.length + " columns, the "
                        + "header " + count);
            }
            return new Fields(this, values, line);
        }
    }

    /** One line's values by column name. */
    private record Fields(Columns columns, String[] values, long line) {

        String optional(String column) {
            String value = values[columns.index().get(column)].strip();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw new SettlementFileRejected(line, column, "is empty");
            }
            return value;
        }

        BigDecimal amount(String column, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            return ReportValues.amount(value, line, column);
        }

        Instant instant(String column, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            return ReportValues.instant(value, line, column);
        }
    }
}
