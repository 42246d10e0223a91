package com.omniops.command.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code omniops.demo} (profile demo only): the loader simulates {@code days} days of trading with about
 * {@code ordersPerDay} orders a day, from the random {@code seed} (the same seed gives the same history).
 */
@Validated
@ConfigurationProperties("omniops.demo")
public record DemoSettings(@Positive int days, @Positive int ordersPerDay, long seed) {
}
