package com.omniops.command.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's own settings ({@code omniops.*}) are typed records, one per area, all in this package: the
 * slices that read them import their record, and every default sits in {@code command-side.yml} (README's
 * "Configuration" section lists them). They live here rather than next to their slice so that the whole
 * configuration surface of the app can be read in one folder. A value that would make a rule unsafe (a negative
 * tolerance, a zero snapshot interval) stops the app at start.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class SettingsConfiguration {
}
