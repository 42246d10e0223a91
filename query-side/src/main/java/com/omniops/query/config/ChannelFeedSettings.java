package com.omniops.query.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code omniops.channel-feed}: how often the channel feed's live stream (GET /api/channels/{channel}/availability/
 * stream) looks for new changes while someone listens ({@code streamPollInterval}), and how often it sends a
 * keep-alive comment to an idle connection ({@code streamHeartbeat}).
 */
@Validated
@ConfigurationProperties("omniops.channel-feed")
public record ChannelFeedSettings(@NotNull Duration streamPollInterval, @NotNull Duration streamHeartbeat) {

    public ChannelFeedSettings {
        if (streamPollInterval.isNegative() || streamPollInterval.isZero() || streamHeartbeat.isNegative()
                || streamHeartbeat.isZero()) {
            throw new IllegalArgumentException("omniops.channel-feed durations must be positive");
        }
    }
}
