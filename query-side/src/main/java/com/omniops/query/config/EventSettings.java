package com.omniops.query.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code omniops.events}: how often, in milliseconds, the event store polls the event table for new events once the
 * processors have caught up ({@link EventStoreConfig}; Axon's own default is 1000). With notification on
 * ({@code omniops.events.notify.enabled}, a bean condition in {@link EventStoreConfig}) the poll is only the fallback.
 */
@Validated
@ConfigurationProperties("omniops.events")
public record EventSettings(@Positive long pollIntervalMs) {
}
