package com.omniops.support.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The one definition of "now" for both apps: business instants in events, "today" on the query side and every other
 * time reading come from the injected {@link Clock}, never from {@code Instant.now()}, so tests can pin it and the
 * demo can drive it. An app that needs another clock declares its own bean and this one backs off (the command side's
 * demo profile does, with its simulated clock).
 */
@AutoConfiguration
public class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    public Clock clock() {
        return Clock.systemUTC();
    }
}
