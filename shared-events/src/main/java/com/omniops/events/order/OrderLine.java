package com.omniops.events.order;

import java.math.BigDecimal;

/**
 * One ordered SKU. Amounts are in the order's currency: {@code discount} and {@code taxAmount} are for the whole line,
 * so the line's net revenue is quantity × unitPrice − discount.
 */
public record OrderLine(int lineNo, String sku, int quantity, BigDecimal unitPrice, BigDecimal discount,
                        BigDecimal taxAmount) {
}
