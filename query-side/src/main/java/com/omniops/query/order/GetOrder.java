package com.omniops.query.order;

/** Everything about one order: header, totals, status, lines with allocations, backorders and shipments. */
public record GetOrder(String orderId) {
}
