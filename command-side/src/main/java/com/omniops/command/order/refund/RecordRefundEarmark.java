package com.omniops.command.order.refund;

import com.omniops.events.refund.RefundSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sets money of the order aside for a refund. The amount is {@code amount} when given, otherwise the value of
 * {@code lines}, otherwise (source RETURN) the value of the return's lines. Sent in the unit of work that creates the
 * Refund.
 */
public record RecordRefundEarmark(@TargetAggregateIdentifier String orderId, String refundId, BigDecimal amount,
                            String currency, List<Line> lines, RefundSource source, String returnId) {

    public RecordRefundEarmark {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(int lineNo, int quantity) {
    }
}
