package com.omniops.command.refund.request;

import com.omniops.command.order.refund.RecordRefundEarmark;
import com.omniops.events.refund.RefundSource;

import java.math.BigDecimal;
import java.util.List;

/**
 * Asks for money back on an order: {@code amount}, or the value of {@code lines}, or (source RETURN) the value of the
 * return. Handled by {@link RefundRequests}: the order earmarks the amount and the Refund is created in one unit of
 * work.
 */
public record RequestRefund(String orderId, String refundId, BigDecimal amount, String currency,
                            List<RecordRefundEarmark.Line> lines, String reason, RefundSource source, String returnId) {

    public RequestRefund {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
