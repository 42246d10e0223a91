package com.omniops.command.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code omniops.alerts}: how often the durable timer table is polled for deadlines that are due
 * ({@code timerPollInterval}; a deadline fires at most this long after its instant) and how many deadlines fire at once
 * ({@code timerThreads}); a channel's SKU is at risk of overselling when what the channel may sell of it is below its
 * safety buffer or {@code oversellRiskMinAvailable} units, whichever is more.
 */
@Validated
@ConfigurationProperties("omniops.alerts")
public record AlertSettings(@NotNull Duration timerPollInterval, int timerThreads, int oversellRiskMinAvailable) {

    public AlertSettings {
        if (timerPollInterval.isNegative() || timerPollInterval.isZero()) {
            throw new IllegalArgumentException("omniops.alerts.timer-poll-interval must be positive");
        }
        if (timerThreads < 1 || timerThreads > 16) {
            throw new IllegalArgumentException("omniops.alerts.timer-threads must be between 1 and 16");
        }
        if (oversellRiskMinAvailable < 0) {
            throw new IllegalArgumentException("omniops.alerts.oversell-risk-min-available must be 0 or more");
        }
    }
}
