package com.omniops.events.refund;

import java.math.BigDecimal;

/** Units of an order line a refund pays back, and their value (line price share incl. tax, after discount). */
public record RefundLine(int lineNo, String sku, int quantity, BigDecimal amount) {
}
