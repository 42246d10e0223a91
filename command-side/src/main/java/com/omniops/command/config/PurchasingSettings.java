package com.omniops.command.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;

/**
 * {@code omniops.purchasing}: a goods receipt may exceed a line's expected quantity by {@code overReceiptTolerance}
 * (a fraction: 0.05 = 5 %), because suppliers round up to cartons.
 */
@Validated
@ConfigurationProperties("omniops.purchasing")
public record PurchasingSettings(@NotNull @PositiveOrZero BigDecimal overReceiptTolerance) {
}
