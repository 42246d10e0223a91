package com.omniops.command.refund.request;

import com.omniops.events.Money;
import com.omniops.events.refund.RefundLine;
import com.omniops.events.refund.RefundSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Creates the Refund once the order earmarked its amount (sent by {@link RefundRequests} in the same transaction).
 * {@code approvedBy} non-null means the auto-approval policy approved it at once.
 */
public record RecordRefundRequest(@TargetAggregateIdentifier String refundId, String orderId, Money amount,
                                  List<RefundLine> lines, String reason, RefundSource source, String returnId,
                                  String approvedBy) {
}
