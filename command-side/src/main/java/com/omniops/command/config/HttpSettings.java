package com.omniops.command.config;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code omniops.http}: request bodies larger than {@code maxRequestBytes} (a report uploaded for import:
 * {@code maxUploadBytes}) are refused with 413 before parsing; at
 * most {@code maxConcurrentCommands} commands (POST, PUT, PATCH, DELETE) run at once, and one that finds them all
 * busy waits at most {@code admissionWaitMs} for its turn before it is answered 503 OVERLOADED (AdmissionFilter).
 */
@Validated
@ConfigurationProperties("omniops.http")
public record HttpSettings(@Positive long maxRequestBytes, @Positive long maxUploadBytes,
                           @Positive int maxConcurrentCommands,
                           @PositiveOrZero long admissionWaitMs) {
}
