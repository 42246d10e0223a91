package com.omniops.query.refunds;

/** Refunds newest requested first; {@code status} and {@code orderId} are optional filters. */
public record ListRefunds(String status, String orderId, int page, int size) {
}
