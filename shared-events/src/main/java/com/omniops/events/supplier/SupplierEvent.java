package com.omniops.events.supplier;

public sealed interface SupplierEvent permits SupplierRegistered {
    String supplierId();
}
