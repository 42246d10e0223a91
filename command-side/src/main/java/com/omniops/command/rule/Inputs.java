package com.omniops.command.rule;

import com.omniops.events.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Input rules shared by the REST adapters. */
public final class Inputs {

    /** Codes for SKUs, warehouses, channels: no ':' (stock item ids are "warehouse:sku"), no spaces. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String CODE_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter "
            + "or digit";

    private Inputs() {
    }

    /** Why an amount is outside {@link Money#withinBounds}: too many decimals, or too large. */
    public static String moneyBoundsMessage(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            return "must have at most " + Money.SCALE + " decimals";
        }
        return "must be between -" + Money.MAX_AMOUNT.toPlainString() + " and " + Money.MAX_AMOUNT.toPlainString();
    }

    /**
     * A value computed from a request (a line value, an order total, a receipt value) must fit the stored money
     * range as much as each amount in it; otherwise read models that store it would overflow.
     */
    public static void requireComputedAmount(BigDecimal amount, String field, String what) {
        if (amount.abs().compareTo(Money.MAX_AMOUNT) > 0) {
            throw invalidField(field, what + " must not exceed " + Money.MAX_AMOUNT.toPlainString());
        }
    }

    /** A 400 VALIDATION_FAILED naming the field, shaped like the answer to a failed Bean Validation. */
    public static BusinessRuleViolation invalidField(String field, String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "The request has 1 invalid field(s): "
                + field + " " + message + ".", Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    /** An amount as it came in a request, with the field it came in, so a refusal can name the field. */
    public record Amount(String field, BigDecimal value) {
    }

    public static Amount amount(String field, BigDecimal value) {
        return new Amount(field, value);
    }

    /**
     * An ISO 4217 currency (the request's {@code currency}), and amounts with no more decimals than that currency has
     * (JPY none, EUR two). A refusal is a 400 {@code VALIDATION_FAILED} naming the field.
     */
    public static void requireMoney(String currency, Amount... amounts) {
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalidField("currency", "must be an ISO 4217 currency code (" + currency + " is not one)");
        }
        for (Amount amount : amounts) {
            if (amount.value() != null
                    && amount.value().stripTrailingZeros().scale() > iso.getDefaultFractionDigits()) {
                throw invalidField(amount.field(), "must have at most " + iso.getDefaultFractionDigits()
                        + " decimals in " + currency + " (" + amount.value().toPlainString() + " has more)");
            }
        }
    }
}
