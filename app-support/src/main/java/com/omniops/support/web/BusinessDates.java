package com.omniops.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The range of business dates and instants both APIs accept, in bodies and in query parameters. Anything outside it
 * is a typing error (a year 57385, an epoch-day number taken for a date), not a business fact; it is refused with 400
 * before it reaches a command or a query.
 */
public final class BusinessDates {

    public static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
            .minusNanos(1);
    public static final String RANGE_MESSAGE = "must be an ISO-8601 date (yyyy-MM-dd) or instant "
            + "(yyyy-MM-ddTHH:mm:ssZ) between " + MIN_DATE + " and " + MAX_DATE;

    private BusinessDates() {
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
    }
}
