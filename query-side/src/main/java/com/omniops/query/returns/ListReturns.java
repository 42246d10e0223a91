package com.omniops.query.returns;

/**
 * Returned order lines with their reasons and dispositions, newest request first. Every filter is optional:
 * {@code status} REQUESTED/RECEIVED/INSPECTED, {@code reason} a return reason code, {@code disposition} lines with
 * at least one unit sent there.
 */
public record ListReturns(String orderId, String status, String reason, String disposition, int page, int size) {
}
