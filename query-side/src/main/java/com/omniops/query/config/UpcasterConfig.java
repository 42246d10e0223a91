package com.omniops.query.config;

import com.omniops.events.upcasting.ContractUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The stored contract's upcasters ({@link ContractUpcasters}) for the event store. Axon's Spring Boot support adds every
 * {@link EventUpcaster} bean to the configuration's upcaster chain, in {@code @Order}, and {@link EventStoreConfig}
 * hands that chain to the JDBC engine, so projections, replays and audit all read upcast events.
 */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfig {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public EventUpcaster contractUpcasters() {
        return new EventUpcasterChain(ContractUpcasters.all());
    }
}
