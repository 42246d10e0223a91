package com.omniops.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection failure goes to the processing group's dead-letter queue (DeadLetterEntry) and is logged, so an
 * operator sees it; later events of the same aggregate queue up behind it instead of being applied out of order.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfig.class);

    @Bean
    public ConfigurerModule loggingDeadLetterPolicy() {
        EnqueuePolicy<EventMessage<?>> policy = (letter, cause) -> {
            EventMessage<?> event = letter.message();
            String aggregate = event instanceof DomainEventMessage<?> domain
                    ? domain.getType() + " " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber()
                    : "-";
            log.error("Projection failed; event {} ({}, {}) is dead-lettered", event.getIdentifier(),
                    event.getPayloadType().getSimpleName(), aggregate, cause);
            return Decisions.enqueue(cause);
        };
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultDeadLetterPolicy(configuration -> policy));
    }
}
