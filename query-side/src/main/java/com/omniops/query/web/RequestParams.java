package com.omniops.query.web;

import com.omniops.projections.support.PageRequest;
import com.omniops.support.web.BusinessDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one parser of the query API's request parameters: every controller reads its optional texts, fixed sets, dates,
 * instants and paging through here. Blank means absent; a bad value is refused with 400 {@code INVALID_PARAMETER},
 * a detail that starts with the parameter's name and the {@code parameter} property naming it. Dates and instants are
 * ISO-8601 only and within {@link BusinessDates}: a year +999999999 is a typing error, and it used to overflow the
 * date arithmetic behind demand and forecasts (500). (What the URL may contain at all is checked before, for both
 * apps, by app-support's {@code RequestInputGuard}.)
 */
public final class RequestParams {

    private RequestParams() {
    }

    /** The trimmed value; null when absent or blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The trimmed value, refused when absent or blank. */
    public static String required(String name, String value) {
        String given = optional(value);
        if (given == null) {
            throw invalid(name, name + " is required");
        }
        return given;
    }

    /** One of {@code allowed} (case-insensitive, answered in upper case); null when absent. */
    public static String oneOf(String name, String value, String... allowed) {
        String given = optional(value);
        if (given == null) {
            return null;
        }
        String upper = given.toUpperCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(upper)) {
            throw invalid(name, name + " must be one of " + Arrays.toString(allowed) + ", got '" + value + "'");
        }
        return upper;
    }

    /** The name of one of the enum's constants (case-insensitive); null when absent. */
    public static <E extends Enum<E>> String oneOf(String name, String value, Class<E> values) {
        return oneOf(name, value, Arrays.stream(values.getEnumConstants()).map(Enum::name).toArray(String[]::new));
    }

    /** One of the enum's constants (case-insensitive); null when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> values) {
        String constant = oneOf(name, value, values);
        return constant == null ? null : Enum.valueOf(values, constant);
    }

    /**
     * An instant given as ISO-8601: {@code 2026-03-14T09:26:53Z}, with an offset ({@code ...+01:00}) or a plain date
     * ({@code 2026-03-14} = its start, UTC). Null when absent.
     */
    public static Instant instant(String name, String value) {
        String v = optional(value);
        if (v == null) {
            return null;
        }
        Instant parsed;
        try {
            parsed = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, name + " must be an ISO-8601 instant such as 2026-03-14T09:26:53Z or a date such as "
                    + "2026-03-14, got '" + value + "'");
        }
        if (!BusinessDates.inRange(parsed)) {
            throw invalid(name, name + " " + BusinessDates.RANGE_MESSAGE + ", got '" + value + "'");
        }
        return parsed;
    }

    /** A calendar date given as ISO-8601 {@code yyyy-MM-dd} within {@link BusinessDates}. Null when absent. */
    public static LocalDate date(String name, String value) {
        String v = optional(value);
        if (v == null) {
            return null;
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(name, name + " must be an ISO-8601 date such as 2026-03-14, got '" + value + "'");
        }
        if (!BusinessDates.inRange(parsed)) {
            throw invalid(name, name + " must be a date between " + BusinessDates.MIN_DATE + " and "
                    + BusinessDates.MAX_DATE + ", got '" + value + "'");
        }
        return parsed;
    }

    /** A calendar month given as {@code yyyy-MM} within {@link BusinessDates}. Null when absent. */
    public static YearMonth month(String name, String value) {
        String v = optional(value);
        if (v == null) {
            return null;
        }
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw invalid(name, name + " must be a month such as 2026-03, got '" + value + "'");
        }
        if (!BusinessDates.inRange(parsed.atDay(1)) || !BusinessDates.inRange(parsed.atEndOfMonth())) {
            throw invalid(name, name + " must be a month between " + YearMonth.from(BusinessDates.MIN_DATE) + " and "
                    + YearMonth.from(BusinessDates.MAX_DATE) + ", got '" + value + "'");
        }
        return parsed;
    }

    /** Optional {@code from} and {@code to} dates, refused when from is after to. */
    public static LocalDate[] dateRange(String from, String to) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw invalid("from", "from (" + fromDate + ") must not be after to (" + toDate + ")");
        }
        return new LocalDate[] {fromDate, toDate};
    }

    /** The {@code page} (0-based) and {@code size} parameters of a list. */
    public static PageRequest page(int page, int size) {
        if (page < 0) {
            throw invalid("page", "page must be 0 or more (it is 0-based), got " + page);
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw invalid("size", "size must be between 1 and " + PageRequest.MAX_SIZE + ", got " + size);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            // the row offset would overflow (it used to surface as a 500)
            throw invalid("page", "page is too large: page × size must stay below " + Integer.MAX_VALUE + ", got "
                    + page);
        }
        return new PageRequest(page, size);
    }

    /** A value the controller itself finds out of range (e.g. a day count): refused naming {@code name}. */
    public static ApiException invalid(String name, String detail) {
        return ApiException.invalidParameter(name, detail);
    }
}
