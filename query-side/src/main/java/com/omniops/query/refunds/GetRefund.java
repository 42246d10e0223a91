package com.omniops.query.refunds;

/** One refund with its decision and payout history. */
public record GetRefund(String refundId) {
}
