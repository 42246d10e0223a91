package com.omniops.events;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in one ISO 4217 currency. Stored in events as {"amount": "12.50", "currency": "EUR"}.
 *
 * <p>The range and scale of every amount the system stores, in events or read models, are defined here once:
 * at most {@value #SCALE} decimals (and never more than the currency has) and an absolute value of at most
 * {@link #MAX_AMOUNT}. The read-model columns are {@code NUMERIC(19, 4)} (up to 10^15), so a sum of a thousand
 * maximal amounts still fits; a single amount, a computed line value or an order total above the bound is refused
 * at the edge.
 */
public record Money(BigDecimal amount, String currency) {

    /** Decimals every money column stores. */
    public static final int SCALE = 4;
    /** The largest absolute amount accepted anywhere: one trillion minus the smallest unit. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.9999");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** True when the amount fits the stored range and scale (the currency's own decimals are checked at the edge). */
    public static boolean withinBounds(BigDecimal amount) {
        return amount != null && amount.abs().compareTo(MAX_AMOUNT) <= 0
                && amount.stripTrailingZeros().scale() <= SCALE;
    }
}
