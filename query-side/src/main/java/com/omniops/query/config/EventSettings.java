package com.omniops.query.config;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code omniops.events}: how often, in milliseconds, the event store polls the event table for new events once the
 * processors have caught up ({@link EventStoreConfig}; Axon's own default is 1000). With notification on
 * ({@code omniops.events.notify.enabled}, a bean condition in {@link EventStoreConfig}) the poll is only the fallback.
 * {@code wakeSpacingMs} is the least time between two wake-ups of the processors by new events (0: on every event):
 * under load they then take that many milliseconds of events per transaction instead of one commit's.
 */
@Validated
@ConfigurationProperties("omniops.events")
public record EventSettings(@Positive long pollIntervalMs, @PositiveOrZero long wakeSpacingMs) {
}
