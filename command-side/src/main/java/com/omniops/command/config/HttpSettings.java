package com.omniops.command.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code omniops.http}: request bodies larger than {@code maxRequestBytes} are refused with 413 before parsing. */
@Validated
@ConfigurationProperties("omniops.http")
public record HttpSettings(@Positive long maxRequestBytes) {
}
