package com.omniops.query.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query side's own settings ({@code omniops.*}) are typed records, one per area, all in this package, with every
 * default in {@code query-side.yml} (README's "Configuration" section lists them). A value that would break a job
 * (a zero interval or batch) stops the app at start.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class SettingsConfiguration {
}
