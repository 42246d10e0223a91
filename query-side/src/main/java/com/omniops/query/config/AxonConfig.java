package com.omniops.query.config;

import com.omniops.events.json.EventJson;
import org.axonframework.config.Configuration;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /**
     * Reads stored events with the contract's own mapper, so {@code spring.jackson.*} settings (made for the HTTP
     * API) can never change how events are read or written.
     */
    /**
     * Tokens, dead letters and other messages are stored with the same pinned mapper: Spring's HTTP mapper is strict
     * and tuned for the API (app-support's StrictJson, {@code spring.jackson.*}), which must not decide how anything
     * is stored. The command side does the same ({@code AxonConfiguration}).
     */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    /**
     * The query bus as Axon's auto-configuration builds it, except for its transaction: every query runs in one
     * <em>read-only, repeatable-read</em> transaction. Read-only, so that with a replica configured
     * ({@link ReplicaReadsConfig}) queries read the replica (Axon's own transaction is read-write, and the read
     * models' {@code @Transactional(readOnly = true)} would only join it); repeatable read, so that a query reading
     * several tables (an order with its lines, shipments and refunds; a ledger report) sees them at one instant.
     * With Axon Server the query bus is Axon Server's, with Axon's transaction, and queries read the primary.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public QueryBus queryBus(Configuration axon, PlatformTransactionManager transactions) {
        DefaultTransactionDefinition readOnly = new DefaultTransactionDefinition();
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .transactionManager(new SpringTransactionManager(transactions, readOnly))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
