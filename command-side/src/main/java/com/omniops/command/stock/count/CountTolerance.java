package com.omniops.command.stock.count;

import com.omniops.command.config.CountSettings;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * When a cycle count's variance may be adjusted without approval. A variance is within tolerance when it is at most
 * {@code omniops.counts.tolerance-units} units (default 2) <em>or</em> at most
 * {@code omniops.counts.tolerance-percent} % (default 2) of the book quantity, whichever allows more; it applies at
 * once only when it is also worth at most {@code omniops.counts.approval-value-threshold} (default 100.00, in the
 * stock item's currency at its moving-average cost).
 */
@Component
public class CountTolerance {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int units;
    private final BigDecimal percent;
    private final BigDecimal valueThreshold;

    public CountTolerance(CountSettings settings) {
        this.units = settings.toleranceUnits();
        this.percent = settings.tolerancePercent();
        this.valueThreshold = settings.approvalValueThreshold();
    }

    public boolean withinTolerance(int bookQuantity, int variance) {
        int size = Math.abs(variance);
        return size <= units
                || BigDecimal.valueOf(size).multiply(HUNDRED).compareTo(percent.multiply(BigDecimal.valueOf(bookQuantity))) <= 0;
    }

    public boolean aboveValueThreshold(BigDecimal varianceValue) {
        return varianceValue.abs().compareTo(valueThreshold) > 0;
    }
}
