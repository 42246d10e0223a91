package com.omniops.command.order.pay;

import java.math.BigDecimal;

/**
 * The order's money: {@code refundable} = captured − refunded − earmarked, never below zero. Amounts are in
 * {@code currency}.
 */
public record OrderBalance(String orderId, String currency, BigDecimal orderTotal, BigDecimal captured,
                           BigDecimal fees, BigDecimal earmarked, BigDecimal refunded, BigDecimal refundable) {
}
