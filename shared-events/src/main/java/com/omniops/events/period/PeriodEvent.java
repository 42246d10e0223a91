package com.omniops.events.period;

/** Events of an AccountingPeriod: a calendar month of the books, closed when its checklist passes, reopened by an admin. */
public sealed interface PeriodEvent permits PeriodClosed, PeriodReopened {

    /** The month, {@code yyyy-MM}. */
    String period();
}
