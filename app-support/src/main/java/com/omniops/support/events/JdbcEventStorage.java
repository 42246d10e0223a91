package com.omniops.support.events;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The JDBC event storage engine of both apps, built as Axon's auto-configuration builds it (which backs off once an
 * app declares its own event store, as both do for the {@link WakeableEventStore}): the configured serializers,
 * upcaster chain and snapshot filter (Axon's configuration's), Axon's default schema, the app's connection provider and transaction manager.
 * Only how a failed append is told apart differs per app ({@code persistenceExceptionResolver}).
 */
public final class JdbcEventStorage {

    private JdbcEventStorage() {
    }

    public static EventStorageEngine engine(Serializer defaultSerializer, Serializer eventSerializer,
                                            EventUpcaster upcasterChain, SnapshotFilter snapshotFilter,
                                            ConnectionProvider connectionProvider,
                                            TransactionManager transactionManager,
                                            PersistenceExceptionResolver persistenceExceptionResolver) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(upcasterChain)
                .snapshotFilter(snapshotFilter)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }
}
