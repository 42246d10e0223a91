package com.omniops.command.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;

/**
 * {@code omniops.refunds}: a refund that follows an inspected return and is at most {@code autoApproveLimit} (in the
 * order's currency) is approved at once; every other refund waits for a finance user.
 */
@Validated
@ConfigurationProperties("omniops.refunds")
public record RefundSettings(@NotNull @PositiveOrZero BigDecimal autoApproveLimit) {
}
