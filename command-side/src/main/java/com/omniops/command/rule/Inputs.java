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

    /** An ISO 4217 currency, and amounts with no more decimals than that currency has. */
    public static void requireMoney(String currency, BigDecimal... amounts) {
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, currency + " is not an ISO 4217 currency.");
        }
        for (BigDecimal amount : amounts) {
            if (amount != null && amount.stripTrailingZeros().scale() > iso.getDefaultFractionDigits()) {
                throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Amount " + amount.toPlainString()
                        + " has more decimals than " + currency + " allows.");
            }
        }
    }
}
