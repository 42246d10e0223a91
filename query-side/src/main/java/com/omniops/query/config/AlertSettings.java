package com.omniops.query.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code omniops.alerts}: where acknowledgements and resolutions made on this side (the dashboard) are forwarded
 * ({@code commandSideUrl}, with the caller's own credentials), how often the live stream looks for changed alerts
 * ({@code streamPollInterval}) and moved figures ({@code figuresPollInterval}), and how often it sends a keep-alive
 * comment to an idle connection ({@code streamHeartbeat}).
 */
@Validated
@ConfigurationProperties("omniops.alerts")
public record AlertSettings(@NotNull String commandSideUrl, @NotNull Duration streamPollInterval,
                            @NotNull Duration figuresPollInterval, @NotNull Duration streamHeartbeat) {

    public AlertSettings {
        for (Duration d : new Duration[]{streamPollInterval, figuresPollInterval, streamHeartbeat}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("omniops.alerts durations must be positive");
            }
        }
        commandSideUrl = commandSideUrl.endsWith("/") ? commandSideUrl.substring(0, commandSideUrl.length() - 1)
                : commandSideUrl;
    }
}
