package com.omniops.support.metrics;

import com.omniops.support.audit.EventLogContext;
import java.time.Duration;
import java.util.OptionalLong;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * What both apps report about their event processors (meters, health) and the log context their event handlers
 * run in. Applies to an app with Axon's event processing, after Axon's auto-configuration has declared it.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(EventProcessingConfiguration.class)
public class OmniOpsMetricsConfiguration {

    @Bean
    public ProcessorMeters processorMeters(EventProcessingConfiguration processing, EventStore eventStore,
                                           @Value("${omniops.metrics.processor-refresh:5s}") Duration refresh) {
        return new ProcessorMeters(processing, () -> head(eventStore), refresh);
    }

    @Bean
    public ProcessorsHealth processorsHealthIndicator(EventProcessingConfiguration processing) {
        return new ProcessorsHealth(processing);
    }

    /** Every event handler of the app runs with the event's correlation and request ids in the log context. */
    @Bean
    public ConfigurerModule eventLogContext() {
        EventLogContext context = new EventLogContext();
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((configuration, processor) -> context));
    }

    private static long head(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(0);
    }
}
