package com.omniops.command.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command-side setting has its default in command-side.yml, and a dangerous value stops the app. */
class SettingsTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=command-side")
            .withUserConfiguration(SettingsConfiguration.class);

    @Test
    void theDefaultsComeFromTheYaml() {
        app.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(HttpSettings.class).maxRequestBytes()).isEqualTo(262144);
            assertThat(context.getBean(StockSettings.class).snapshotThreshold()).isEqualTo(100);
            assertThat(context.getBean(AggregateCacheSettings.class).maxEntries()).isEqualTo(10000);
            CountSettings counts = context.getBean(CountSettings.class);
            assertThat(counts.toleranceUnits()).isEqualTo(2);
            assertThat(counts.tolerancePercent()).isEqualByComparingTo("2");
            assertThat(counts.approvalValueThreshold()).isEqualByComparingTo("100.00");
            assertThat(context.getBean(RefundSettings.class).autoApproveLimit()).isEqualByComparingTo("100.00");
            assertThat(context.getBean(PurchasingSettings.class).overReceiptTolerance())
                    .isEqualByComparingTo(new BigDecimal("0.05"));
            ReplenishmentSettings replenishment = context.getBean(ReplenishmentSettings.class);
            assertThat(replenishment.actWithin()).isEqualTo(Duration.ofMinutes(10));
            assertThat(replenishment.demandDays()).isEqualTo(56);
            assertThat(context.getBean(DemoSettings.class)).isEqualTo(new DemoSettings(90, 36, 42));
        });
    }

    @Test
    void anOverrideWins() {
        app.withPropertyValues("omniops.demo.days=3", "omniops.stock.snapshot-threshold=5")
                .run(context -> {
                    assertThat(context.getBean(DemoSettings.class).days()).isEqualTo(3);
                    assertThat(context.getBean(StockSettings.class).snapshotThreshold()).isEqualTo(5);
                });
    }

    @Test
    void aNegativeToleranceOrAZeroSnapshotIntervalStopsTheApp() {
        app.withPropertyValues("omniops.purchasing.over-receipt-tolerance=-0.1")
                .run(context -> assertThat(context).hasFailed());
        app.withPropertyValues("omniops.stock.snapshot-threshold=0")
                .run(context -> assertThat(context).hasFailed());
        app.withPropertyValues("omniops.aggregate-cache.max-entries=0")
                .run(context -> assertThat(context).hasFailed());
        app.withPropertyValues("omniops.refunds.auto-approve-limit=")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void axonsPerHandlerTimeoutsAreOff() {
        app.run(context -> assertThat(context.getEnvironment().getProperty("axon.timeout.enabled")).isEqualTo("false"));
    }
}
