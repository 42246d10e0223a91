package com.omniops.command.refund;

/** REQUESTED → APPROVED → ISSUED, or REJECTED; an APPROVED refund whose payout failed is FAILED until retried. */
public enum RefundStatus { REQUESTED, APPROVED, ISSUED, FAILED, REJECTED }
