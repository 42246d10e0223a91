package com.omniops.query.transfers;

/** Transfers newest requested first; {@code status}, {@code from} and {@code to} are optional filters. */
public record ListTransfers(String status, String fromWarehouseId, String toWarehouseId, int page, int size) {
}
