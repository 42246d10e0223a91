package com.omniops.command.rule;

import java.math.BigDecimal;
import java.util.Currency;

/** Input rules shared by the REST adapters. */
public final class Inputs {

    /** Codes for SKUs, warehouses, channels: no ':' (stock item ids are "warehouse:sku"), no spaces. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String CODE_MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter "
            + "or digit";

    private Inputs() {
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
