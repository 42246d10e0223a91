package com.omniops.command.order.refund;

import com.omniops.events.Money;
import com.omniops.events.refund.RefundLine;

import java.util.List;

/** What the order earmarked; {@code followsInspectedReturn} lets the auto-approval policy decide. */
public record RefundTerms(Money amount, List<RefundLine> lines, boolean followsInspectedReturn) {
}
