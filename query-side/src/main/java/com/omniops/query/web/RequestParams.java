package com.omniops.query.web;

import com.omniops.support.web.BusinessDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses optional request parameters, refusing bad values with {@code INVALID_PARAMETER}. Dates and instants are
 * ISO-8601 only and within {@link BusinessDates}: a year +999999999 is a typing error, and it used to overflow the
 * date arithmetic behind demand and forecasts (500).
 */
public final class RequestParams {

    private RequestParams() {
    }

    /**
     * An instant given as ISO-8601: {@code 2026-03-14T09:26:53Z}, with an offset ({@code ...+01:00}) or a plain date
     * ({@code 2026-03-14} = its start, UTC). Null when absent.
     */
    public static Instant instant(String name, String value) {
        String v = Params.optional(value);
        if (v == null) {
            return null;
        }
        Instant parsed;
        try {
            parsed = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name + " must be an ISO-8601 instant such as 2026-03-14T09:26:53Z or "
                    + "a date such as 2026-03-14, got '" + value + "'");
        }
        if (!BusinessDates.inRange(parsed)) {
            throw ApiException.invalidParameter(name + " " + BusinessDates.RANGE_MESSAGE + ", got '" + value + "'");
        }
        return parsed;
    }

    /** A calendar date given as ISO-8601 {@code yyyy-MM-dd} within {@link BusinessDates}. Null when absent. */
    public static LocalDate date(String name, String value) {
        String v = Params.optional(value);
        if (v == null) {
            return null;
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name + " must be an ISO-8601 date such as 2026-03-14, got '" + value
                    + "'");
        }
        if (!BusinessDates.inRange(parsed)) {
            throw ApiException.invalidParameter(name + " must be a date between " + BusinessDates.MIN_DATE + " and "
                    + BusinessDates.MAX_DATE + ", got '" + value + "'");
        }
        return parsed;
    }
}
