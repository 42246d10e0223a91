package com.omniops.support.events;

import com.omniops.events.upcasting.ContractUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The stored contract's upcasters ({@link ContractUpcasters}), registered once for both apps. Axon's Spring Boot
 * support adds every {@link EventUpcaster} bean to the configuration's upcaster chain in {@code @Order}, so the
 * contract's chain runs first and an app's own upcaster beans (tests add some) run after it. The command side reads
 * upcast events when it sources aggregates; the query side's event store hands the same chain to its JDBC engine, so
 * projections, replays and audit all read upcast events.
 */
@AutoConfiguration
public class ContractUpcasterConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public EventUpcaster contractUpcasters() {
        return new EventUpcasterChain(ContractUpcasters.all());
    }
}
