package com.omniops.command.purchasing;

import com.omniops.command.config.PurchasingSettings;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * How much more than expected a goods receipt may bring per line ({@code omniops.purchasing.over-receipt-tolerance},
 * a fraction: 0.05 = 5 %). Suppliers round up to cartons; beyond the tolerance the receipt is refused.
 */
@Component
public class ReceiptTolerance {

    private final BigDecimal fraction;

    public ReceiptTolerance(PurchasingSettings settings) {
        this.fraction = settings.overReceiptTolerance();
    }

    /** The most units a line expecting {@code expected} may receive in total. */
    public int maximumFor(int expected) {
        return BigDecimal.valueOf(expected).multiply(BigDecimal.ONE.add(fraction)).intValue();
    }
}
