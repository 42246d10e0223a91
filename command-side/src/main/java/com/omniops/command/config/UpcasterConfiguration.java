package com.omniops.command.config;

import com.omniops.events.upcasting.ContractUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The stored contract's upcasters ({@link ContractUpcasters}) for the event store. Axon's Spring Boot support adds every
 * {@link EventUpcaster} bean to the configuration's upcaster chain, in {@code @Order}; the contract's chain runs first.
 */
@Configuration(proxyBeanMethods = false)
public class UpcasterConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public EventUpcaster contractUpcasters() {
        return new EventUpcasterChain(ContractUpcasters.all());
    }
}
