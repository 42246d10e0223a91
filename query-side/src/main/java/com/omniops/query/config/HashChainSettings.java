package com.omniops.query.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code omniops.audit.hash-chain}: whether the job that extends the events' hash chain runs, how often (every
 * {@code intervalMs} milliseconds), how many events it chains per transaction ({@code batchSize}), and how long it
 * waits at a gap in the global index before stepping over it ({@code gapTimeout}; Axon's own gap timeout is 60 s).
 */
@Validated
@ConfigurationProperties("omniops.audit.hash-chain")
public record HashChainSettings(boolean enabled, @Positive long intervalMs, @NotNull Duration gapTimeout,
                                @Positive int batchSize) {
}
