package com.omniops.events;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in one ISO 4217 currency. Stored in events as {"amount": "12.50", "currency": "EUR"}. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
