package com.omniops.projections.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money amounts read back from NUMERIC columns: no padding zeros beyond the cents, never exponent notation. */
public final class Amounts {

    private Amounts() {
    }

    public static BigDecimal normalized(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped;
    }
}
