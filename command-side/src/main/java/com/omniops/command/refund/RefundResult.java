package com.omniops.command.refund;

import com.omniops.events.refund.RefundSource;

import java.math.BigDecimal;

/** A refund after a command. {@code automatic} is true when the auto-approval policy approved it. */
public record RefundResult(String refundId, String orderId, RefundStatus status, BigDecimal amount, String currency,
                           RefundSource source, String returnId, boolean automatic, int attempts,
                           String paymentReference, String lastFailure) {
}
