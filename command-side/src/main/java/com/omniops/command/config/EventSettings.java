package com.omniops.command.config;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code omniops.events}: the least time, in milliseconds, between two wake-ups of the command side's own processors
 * (backorders, replenishment) by new events ({@link EventStoreConfig}; 0 wakes them on every event). Whether commits
 * are announced to other processes is {@code omniops.events.notify.enabled}, a bean condition in
 * {@link EventStoreConfig}.
 */
@Validated
@ConfigurationProperties("omniops.events")
public record EventSettings(@PositiveOrZero long wakeSpacingMs) {
}
