package com.omniops.events.refund;

/** Events of the Refund aggregate (id generated at request). */
public sealed interface RefundEvent
        permits RefundRequested, RefundApproved, RefundRejected, RefundIssued, RefundIssueFailed {
    String refundId();

    String orderId();
}
