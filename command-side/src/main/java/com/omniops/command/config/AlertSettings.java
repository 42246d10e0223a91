package com.omniops.command.config;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code omniops.alerts}: how often the durable timer table is polled for deadlines that are due
 * ({@code timerPollInterval}; a deadline fires at most this long after its instant) and how many deadlines fire at once
 * ({@code timerThreads}); a channel's SKU is at risk of overselling when what the channel may sell of it is below its
 * safety buffer, {@code oversellRiskMinAvailable} units or {@code oversellRiskDaysOfCover} days of the channel's
 * average daily demand for it over the last {@code oversellRiskDemandDays} days (0 days: no cover rule), whichever is
 * more; a SKU's return rate is unusual when, over
 * the {@code returnRate.windowDays} up to now, it is at least twice its baseline over the
 * {@code returnRate.baselineDays} before and 5 points above it, with at least {@code returnRate.minReturnedUnits} units
 * returned; a supplier's lead time has drifted when its last {@code leadTimeDrift.lastOrders} orders received in full
 * (at least {@code leadTimeDrift.minOrders}) arrived on average {@code leadTimeDrift.minMeanLateDays} or more days after
 * the promised date; an order's or a channel's SKU's gross margin is eroded when under the {@code marginErosion}
 * percentages (docs/kpis.md).
 */
@Validated
@ConfigurationProperties("omniops.alerts")
public record AlertSettings(@NotNull Duration timerPollInterval, int timerThreads, int oversellRiskMinAvailable,
                            @NotNull BigDecimal oversellRiskDaysOfCover, int oversellRiskDemandDays,
                            @NotNull ReturnRate returnRate, @NotNull LeadTimeDrift leadTimeDrift,
                            @NotNull MarginErosion marginErosion) {

    /**
     * The margin erosion check: how often it runs (real time), the days of business it looks at, and the gross margin
     * percentages under which an order or a channel's SKU (with at least {@code skuChannelMinNetSales} of net sales
     * in the window) is eroded.
     */
    public record MarginErosion(@NotNull Duration checkInterval, int windowDays, @NotNull BigDecimal orderMinPercent,
                                @NotNull BigDecimal skuChannelMinPercent, @NotNull BigDecimal skuChannelMinNetSales) {
        public MarginErosion {
            if (checkInterval == null || checkInterval.compareTo(Duration.ofMillis(100)) < 0
                    || checkInterval.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("omniops.alerts.margin-erosion.check-interval must be 100 ms to "
                        + "1 day");
            }
            if (windowDays < 1 || windowDays > 366) {
                throw new IllegalArgumentException("omniops.alerts.margin-erosion.window-days must be 1 to 366");
            }
            for (BigDecimal percent : new BigDecimal[] {orderMinPercent, skuChannelMinPercent}) {
                if (percent == null || percent.scale() > 2 || percent.compareTo(BigDecimal.valueOf(-100)) < 0
                        || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException("omniops.alerts.margin-erosion: order-min-percent and "
                            + "sku-channel-min-percent must be -100 to 100, with at most two decimals");
                }
            }
            if (skuChannelMinNetSales == null || skuChannelMinNetSales.signum() < 0 || skuChannelMinNetSales.scale() > 2
                    || skuChannelMinNetSales.compareTo(new BigDecimal("1000000000")) > 0) {
                throw new IllegalArgumentException("omniops.alerts.margin-erosion.sku-channel-min-net-sales must be 0 "
                        + "to 1,000,000,000 (company currency), with at most two decimals");
            }
        }
    }

    /** The supplier lead time drift rule: how many recent orders it averages, the fewest it judges, the threshold. */
    public record LeadTimeDrift(int lastOrders, int minOrders, @NotNull BigDecimal minMeanLateDays) {
        public LeadTimeDrift {
            if (lastOrders < 1 || lastOrders > 100 || minOrders < 1 || minOrders > lastOrders) {
                throw new IllegalArgumentException("omniops.alerts.lead-time-drift: last-orders must be 1 to 100 and "
                        + "min-orders 1 to last-orders");
            }
            if (minMeanLateDays == null || minMeanLateDays.signum() <= 0 || minMeanLateDays.scale() > 2
                    || minMeanLateDays.compareTo(BigDecimal.valueOf(365)) > 0) {
                throw new IllegalArgumentException("omniops.alerts.lead-time-drift.min-mean-late-days must be above 0 "
                        + "and at most 365, with at most two decimals");
            }
        }
    }

    /** The unusual-return-rate rule's windows (days) and the fewest returned units it judges. */
    public record ReturnRate(int windowDays, int baselineDays, int minReturnedUnits) {
        public ReturnRate {
            if (windowDays < 1 || windowDays > 366 || baselineDays < 1 || baselineDays > 731) {
                throw new IllegalArgumentException("omniops.alerts.return-rate: window-days must be 1 to 366 and "
                        + "baseline-days 1 to 731");
            }
            if (minReturnedUnits < 1) {
                throw new IllegalArgumentException("omniops.alerts.return-rate.min-returned-units must be 1 or more");
            }
        }
    }

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
        if (oversellRiskDaysOfCover == null || oversellRiskDaysOfCover.signum() < 0
                || oversellRiskDaysOfCover.scale() > 2 || oversellRiskDaysOfCover.compareTo(BigDecimal.valueOf(365)) > 0) {
            throw new IllegalArgumentException("omniops.alerts.oversell-risk-days-of-cover must be 0 (off) to 365, "
                    + "with at most two decimals");
        }
        if (oversellRiskDemandDays < 1 || oversellRiskDemandDays > 366) {
            throw new IllegalArgumentException("omniops.alerts.oversell-risk-demand-days must be 1 to 366");
        }
    }
}
