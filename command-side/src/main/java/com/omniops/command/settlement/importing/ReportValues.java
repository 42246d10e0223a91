package com.omniops.command.settlement.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The values both settlement readers check the same way (docs/settlements.md): amounts, currencies and dates, each
 * refused with the line, the column and the reason.
 */
final class ReportValues {

    /** At most 15 digits before the separator and 4 after it (Money's bounds), a dot or a comma between. */
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}([.,]\\d{1,4})?");
    // STRICT: 31.02.2026 is refused, not read as the 28th (the default SMART resolver's way).
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(strict("uuuu-MM-dd HH:mm:ss"),
            strict("dd.MM.uuuu HH:mm:ss"), strict("uuuu-MM-dd'T'HH:mm:ss"));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            strict("dd.MM.uuuu"));

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    private ReportValues() {
    }

    static BigDecimal amount(String value, long line, String column) {
        if (!AMOUNT.matcher(value).matches()) {
            throw new SettlementFileRejected(line, column, "'" + value + "' is not an amount (digits with a dot or a "
                    + "comma before at most 4 decimals, e.g. 95.00 or 95,00)");
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    /** The ISO 4217 code as given. */
    static String currency(String code, long line, String column) {
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new SettlementFileRejected(line, column, "'" + code + "' is not an ISO 4217 currency");
        }
    }

    static Instant instant(String value, long line, String column) {
        Instant parsed = parseInstant(value);
        if (parsed == null) {
            throw new SettlementFileRejected(line, column, "'" + value + "' is not a date (e.g. 2026-11-14, "
                    + "14.11.2026, 2026-11-14 07:00:00 UTC or 2026-11-14T07:00:00+00:00)");
        }
        return parsed;
    }

    /** A date or date-time in one of the reports' forms, UTC unless it names an offset; null if none fits. */
    private static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: try the others
        }
        String local = value.endsWith(" UTC") || value.endsWith(" GMT") ? value.substring(0, value.length() - 4)
                : value;
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(local, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(local, format).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }
}
