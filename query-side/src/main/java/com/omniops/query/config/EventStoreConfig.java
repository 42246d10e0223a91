package com.omniops.query.config;

import com.omniops.support.events.EventAppendListener;
import com.omniops.support.events.EventNotifyConnection;
import com.omniops.support.events.JdbcEventStorage;
import com.omniops.support.events.WakeableEventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;

/**
 * The query side reads events another process appends. Its event store ({@link WakeableEventStore}) polls the event
 * table every {@code omniops.events.poll-interval-ms} (100 ms) when caught up, and fetches at once when the command
 * side announces a commit with a PostgreSQL NOTIFY ({@code omniops.events.notify.enabled}, {@link
 * EventAppendListener}); the processors start as soon as the store has fetched, instead of at their own 500 ms
 * re-check. Declaring the event store means declaring its JDBC engine too (Axon's auto-configuration backs off from
 * both). Not used with Axon Server, which pushes events.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStoreConfig {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return JdbcEventStorage.engine(defaultSerializer, eventSerializer, configuration.upcasterChain(),
                configuration.snapshotFilter(), connectionProvider, transactionManager, new JdbcSQLErrorCodesResolver());
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public WakeableEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         EventSettings settings) {
        // The query side appends no events of its own: nothing to announce after a local commit.
        return WakeableEventStore.create(storageEngine,
                configuration.messageMonitor(EventStore.class, "eventStore"),
                configuration.getComponent(EventBusSpanFactory.class), settings.pollIntervalMs(),
                settings.wakeSpacingMs(), () -> { });
    }

    @Bean
    @ConditionalOnProperty(name = "omniops.events.notify.enabled", havingValue = "true", matchIfMissing = true)
    public EventAppendListener eventAppendListener(WakeableEventStore eventStore, DataSourceProperties dataSource) {
        return new EventAppendListener(new EventNotifyConnection(dataSource.determineUrl(),
                dataSource.determineUsername(), dataSource.determinePassword()), "query-side", eventStore::fetchNow,
                () -> -1);
    }
}
