package com.omniops.command.config;

import com.omniops.support.events.EventAppendListener;
import com.omniops.support.events.EventAppendNotifier;
import com.omniops.support.events.EventNotifyConnection;
import com.omniops.support.events.JdbcEventStorage;
import com.omniops.support.events.TimedStorageEngine;
import com.omniops.support.events.WakeableEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;

/**
 * The command side's event store: Axon's embedded store over the JDBC engine, built as Axon's auto-configuration
 * builds both (which backs off from both once one is declared), but as a {@link WakeableEventStore}, so that
 * <ul>
 * <li>the command side's own processors (backorders, replenishment policies) start on an event as soon as it is
 * committed, not at their coordinator's 500 ms re-check;</li>
 * <li>with {@code omniops.events.notify.enabled} each commit of events is announced with a PostgreSQL NOTIFY
 * ({@link EventAppendNotifier}) for the query side and other command-side nodes, and this node listens for theirs
 * ({@link EventAppendListener}), ignoring its own.</li>
 * </ul>
 * Without a notification the store still polls once a second (Axon's default) for events other nodes appended. Not
 * used with Axon Server, which pushes events.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStoreConfig {

    /** Axon's default: how long the store waits between fetches when it found nothing (ms). */
    private static final long POLL_INTERVAL_MS = 1000;

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return JdbcEventStorage.engine(defaultSerializer, eventSerializer, configuration.upcasterChain(),
                configuration.snapshotFilter(), connectionProvider, transactionManager, persistenceExceptionResolver);
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public WakeableEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         EventSettings settings, ObjectProvider<EventAppendNotifier> notifier,
                                         MeterRegistry meters) {
        EventAppendNotifier announcer = notifier.getIfAvailable();
        // appends timed (omniops.eventstore.append) where they are made: only the command side appends
        return WakeableEventStore.create(TimedStorageEngine.timed(storageEngine, meters),
                configuration.messageMonitor(EventStore.class, "eventStore"),
                configuration.getComponent(EventBusSpanFactory.class), POLL_INTERVAL_MS,
                settings.wakeSpacingMs(), announcer == null ? () -> { } : announcer::signal);
    }

    @Bean
    @ConditionalOnProperty(name = "omniops.events.notify.enabled", havingValue = "true", matchIfMissing = true)
    public EventAppendNotifier eventAppendNotifier(DataSourceProperties dataSource) {
        return new EventAppendNotifier(connection(dataSource));
    }

    @Bean
    @ConditionalOnProperty(name = "omniops.events.notify.enabled", havingValue = "true", matchIfMissing = true)
    public EventAppendListener eventAppendListener(WakeableEventStore eventStore, EventAppendNotifier notifier,
                                                   DataSourceProperties dataSource) {
        return new EventAppendListener(connection(dataSource), "command-side", eventStore::fetchNow,
                notifier::backendPid);
    }

    private static EventNotifyConnection connection(DataSourceProperties dataSource) {
        return new EventNotifyConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
    }
}
