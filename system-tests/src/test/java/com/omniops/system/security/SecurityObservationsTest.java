package com.omniops.system.security;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are measured as a whole, but Spring Security's per-filter observations are off: they cost about 5 % of an
 * app's CPU under load (docs/benchmarks.md, "Tuning log").
 */
class SecurityObservationsTest {

    @Test
    void requestsAreTimedButTheSecurityFilterChainIsNotObserved() {
        assertThat(Http.get(TestApps.commandUrl() + "/actuator/health").status()).isEqualTo(200);
        assertThat(Http.anonymous().getAs(TestApps.commandUrl() + "/actuator/metrics").status()).isEqualTo(401);

        MeterRegistry meters = TestApps.commandSide().getBean(MeterRegistry.class);
        assertThat(meters.find("http.server.requests").meters()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security."));
    }
}
