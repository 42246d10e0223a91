package com.omniops.query.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every query-side setting has its default in query-side.yml, and a value that would break a job stops the app. */
class SettingsTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=query-side")
            .withUserConfiguration(SettingsConfiguration.class);

    @Test
    void theDefaultsComeFromTheYaml() {
        app.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(EventSettings.class).pollIntervalMs()).isEqualTo(100);
            assertThat(context.getBean(HashChainSettings.class))
                    .isEqualTo(new HashChainSettings(true, 1000, Duration.ofSeconds(60), 1000));
        });
    }

    @Test
    void aZeroIntervalOrBatchStopsTheApp() {
        app.withPropertyValues("omniops.audit.hash-chain.interval-ms=0").run(context -> assertThat(context).hasFailed());
        app.withPropertyValues("omniops.audit.hash-chain.batch-size=0").run(context -> assertThat(context).hasFailed());
        app.withPropertyValues("omniops.events.poll-interval-ms=-1").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void axonsPerHandlerTimeoutsAreOff() {
        app.run(context -> assertThat(context.getEnvironment().getProperty("axon.timeout.enabled")).isEqualTo("false"));
    }
}
