package com.omniops.query.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses optional request parameters, refusing bad values with {@code INVALID_PARAMETER}. */
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
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name + " must be an ISO-8601 instant such as 2026-03-14T09:26:53Z or "
                    + "a date such as 2026-03-14, got '" + value + "'");
        }
    }
}
