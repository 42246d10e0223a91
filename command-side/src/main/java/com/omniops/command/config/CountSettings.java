package com.omniops.command.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;

/**
 * {@code omniops.counts}: a cycle count's variance applies at once when it is at most {@code toleranceUnits} units or
 * {@code tolerancePercent} % of the book quantity (whichever allows more) and worth at most
 * {@code approvalValueThreshold} (stock currency, at average cost); otherwise it waits for approval.
 */
@Validated
@ConfigurationProperties("omniops.counts")
public record CountSettings(@PositiveOrZero int toleranceUnits,
                            @NotNull @PositiveOrZero BigDecimal tolerancePercent,
                            @NotNull @PositiveOrZero BigDecimal approvalValueThreshold) {
}
