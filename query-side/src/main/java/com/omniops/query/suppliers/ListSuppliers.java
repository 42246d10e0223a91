package com.omniops.query.suppliers;

/** Suppliers by id; {@code text} (in id or name) is an optional filter. */
public record ListSuppliers(String text, int page, int size) {
}
