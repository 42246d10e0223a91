package com.omniops.command.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code omniops.aggregate-cache}: the command side keeps the {@code maxEntries} most recently used aggregates in
 * memory between commands ({@link BoundedAggregateCache}).
 */
@Validated
@ConfigurationProperties("omniops.aggregate-cache")
public record AggregateCacheSettings(@Positive int maxEntries) {
}
