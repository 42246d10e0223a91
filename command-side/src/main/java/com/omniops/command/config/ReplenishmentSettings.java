package com.omniops.command.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code omniops.replenishment}: the policy acts only on events stored within {@code actWithin} (older ones, on a
 * first start over an existing history, only update its state), and forecasts demand from the last
 * {@code demandDays} days of issues.
 */
@Validated
@ConfigurationProperties("omniops.replenishment")
public record ReplenishmentSettings(@NotNull Duration actWithin, @Positive int demandDays) {
}
