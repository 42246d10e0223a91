package com.omniops.projections.support;

/**
 * What a list request asks for: the 0-based {@code page} and its {@code size}, validated. The answers are the
 * {@code XxxPage} records of each read model (items, page, size, totals).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }

    public int totalPages(long totalItems) {
        return (int) ((totalItems + size - 1) / size);
    }
}
