package com.omniops.projections.purchasing;

import java.math.BigDecimal;
import java.time.Instant;

/** A supplier and its terms: lead time (mean and standard deviation, days), minimum order quantity, currency. */
public record SupplierView(String supplierId, String name, BigDecimal leadTimeMeanDays, BigDecimal leadTimeStdDevDays,
                           int minimumOrderQuantity, String currency, Instant registeredAt) {
}
