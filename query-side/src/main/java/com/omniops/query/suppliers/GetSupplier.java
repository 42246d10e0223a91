package com.omniops.query.suppliers;

/** One supplier and its terms. */
public record GetSupplier(String supplierId) {
}
