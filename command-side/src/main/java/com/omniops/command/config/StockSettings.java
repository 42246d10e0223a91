package com.omniops.command.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code omniops.stock}: a stock item takes a snapshot every {@code snapshotThreshold} events. */
@Validated
@ConfigurationProperties("omniops.stock")
public record StockSettings(@Positive int snapshotThreshold) {
}
