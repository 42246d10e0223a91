package com.omniops.command.order.refund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's part of approving a refund: its earmark is approved (sent by refund/approve and refund/request). */
public record RecordEarmarkApproval(@TargetAggregateIdentifier String orderId, String refundId) {
}
