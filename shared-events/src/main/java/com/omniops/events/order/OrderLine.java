package com.omniops.events.order;

import java.math.BigDecimal;

/**
 * One ordered SKU (ours, also when the channel ordered it by its own channel SKU). Amounts are in the order's currency;
 * {@code discount} and {@code taxAmount} are for the whole line. Whether {@code taxAmount} is contained in the price
 * (gross channel) or added to it (net channel) depends on the order's {@code pricesIncludeTax}: see
 * {@link OrderAmounts}, the one rule for a line's net, tax and gross.
 */
public record OrderLine(int lineNo, String sku, int quantity, BigDecimal unitPrice, BigDecimal discount,
                        BigDecimal taxAmount) {
}
