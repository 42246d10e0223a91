package com.omniops.events.supplier;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A supplier and what replenishment needs to know about it: its lead time (mean and standard deviation, in days),
 * the minimum quantity it accepts per order line, and the currency it invoices in.
 */
@Revision("1")
public record SupplierRegistered(String supplierId, String name, BigDecimal leadTimeMeanDays,
                                 BigDecimal leadTimeStdDevDays, int minimumOrderQuantity, String currency,
                                 Instant registeredAt) implements SupplierEvent {
}
