package com.omniops.system.security;

import com.omniops.system.support.TestApps;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's per-message Micrometer monitors are off in both apps (axon.metrics.auto-configuration.enabled: false): they
 * timed every message of every processor for 4–8 % of an app's CPU (docs/benchmarks.md, "Tuning log"). The apps'
 * other meters stay.
 */
class AxonMessageMetricsTest {

    @Test
    void neitherAppRegistersAxonsMessageMonitorsButRequestsAreStillMeasured() {
        for (ConfigurableApplicationContext app : List.of(TestApps.commandSide(), TestApps.querySide())) {
            // The property removes the module that installs the monitors; Axon still declares its (idle) registry.
            assertThat(app.getBeanNamesForType(MetricsConfigurerModule.class)).isEmpty();
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            assertThat(meters.find("hikaricp.connections").meters()).isNotEmpty();
            assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().endsWith(".ingestedCounter")
                    || meter.getId().getName().startsWith("commandBus."));
        }
    }
}
