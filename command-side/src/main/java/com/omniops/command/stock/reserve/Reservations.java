package com.omniops.command.stock.reserve;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.rule.ErrorCode;

import java.util.HashMap;
import java.util.Map;

import static com.omniops.command.rule.BusinessRuleViolation.require;

/**
 * The units of a stock item reserved for orders, kept per order line: that makes reserving the same line again
 * idempotent and releasing or shipping a line exact. {@code reserved} is the total the events state after each change.
 * Mutable on purpose: a busy item holds a reservation per open order line, and copying them on every event would make
 * loading it quadratic. Only the stock item's event sourcing handlers change it; it is part of its snapshot.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Reservations {

    private int reserved;
    /** "orderId#lineNo" → units still reserved for that order line */
    private Map<String, Integer> lines = new HashMap<>();

    public int reserved() {
        return reserved;
    }

    /** Units still reserved for the line, 0 when it holds none. */
    public int of(String orderId, int lineNo) {
        return lines.getOrDefault(key(orderId, lineNo), 0);
    }

    /**
     * ReservingIsIdempotentPerLine: true when the line already holds exactly this quantity (nothing to do); a line
     * holding another quantity is a conflict, not a change.
     */
    public boolean alreadyHolds(String orderId, int lineNo, int quantity, String sku, String warehouseId) {
        Integer existing = lines.get(key(orderId, lineNo));
        if (existing == null) {
            return false;
        }
        require(existing == quantity, ErrorCode.RESERVATION_CONFLICT,
                "Line " + lineNo + " of order " + orderId + " already holds " + existing + " units of " + sku
                        + " in " + warehouseId + "; it cannot be re-reserved as " + quantity + ".");
        return true;
    }

    public boolean holds(String orderId, int lineNo) {
        return lines.containsKey(key(orderId, lineNo));
    }

    /** A line's reservation can grow when its backorder is filled later. */
    public void added(String orderId, int lineNo, int quantity, int reservedAfter) {
        reserved = reservedAfter;
        lines.merge(key(orderId, lineNo), quantity, Integer::sum);
    }

    public void released(String orderId, int lineNo, int reservedAfter) {
        reserved = reservedAfter;
        lines.remove(key(orderId, lineNo));
    }

    public void issued(String orderId, int lineNo, int quantity, int reservedAfter) {
        reserved = reservedAfter;
        lines.computeIfPresent(key(orderId, lineNo), (k, held) -> held == quantity ? null : held - quantity);
    }

    private static String key(String orderId, int lineNo) {
        return orderId + "#" + lineNo;
    }
}
