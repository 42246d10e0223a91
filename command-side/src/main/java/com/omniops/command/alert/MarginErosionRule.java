package com.omniops.command.alert;

import com.omniops.projections.ledger.Margin;
import java.math.BigDecimal;

/**
 * When a margin is eroded (docs/kpis.md "Exception alerts"): its net sales are above zero and at least
 * {@code minNetSales}, and its gross margin % ({@link Margin}'s one definition: gross margin ÷ net sales, rounded
 * half-up to two decimals) is under {@code minPercent}. A margin without net sales has no percentage and is never
 * eroded; a fully refunded order is the refunds' business, not this rule's.
 */
public record MarginErosionRule(BigDecimal minPercent, BigDecimal minNetSales) {

    public boolean eroded(Margin margin) {
        return margin.netSales().signum() > 0 && margin.netSales().compareTo(minNetSales) >= 0
                && margin.grossMarginPercent().compareTo(minPercent) < 0;
    }
}
