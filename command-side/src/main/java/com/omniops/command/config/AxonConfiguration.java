package com.omniops.command.config;

import com.omniops.events.json.EventJson;
import com.omniops.command.rule.BusinessRuleViolation;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import com.omniops.support.audit.ActorCorrelationData;
import com.omniops.support.audit.CommandActor;
import com.omniops.support.web.DatabaseOutage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration
public class AxonConfiguration {

    /**
     * One Jackson serializer for events, snapshots and messages, on the mapper the event contract defines, so the
     * stored form never depends on Spring's {@code spring.jackson.*} settings.
     */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    /** Who, why and in which request: copied from each handled message to the messages it causes (audit trail). */
    @Bean
    public CorrelationDataProvider actorCorrelationData() {
        return new ActorCorrelationData();
    }

    /**
     * Axon's JDBC parts (event store, token store, dead letters) use the connection of the Spring transaction, and only
     * Spring ends that transaction. Axon's default provider wraps this one in a {@code
     * UnitOfWorkAwareConnectionProviderWrapper}, which hands the connection's end to the unit of work that first asks
     * for it: its commit is skipped on a Spring-managed connection, but its rollback calls {@code rollback()} on the
     * physical connection, past Spring. When that unit of work is a nested one (a command inside a keyed request's, see
     * {@code IdempotencyFilter}), a refused command rolled back the whole request: the claimed key and the savepoint
     * were gone, and a 422 was answered 500. It happened whenever the command was the first to read the event store in
     * the transaction, i.e. loaded an aggregate missing from the cache, as it is after every refusal (a rollback evicts
     * what the command loaded): routine for a hot stock item under load. Every unit of work here runs in a Spring
     * transaction (command bus, event processors, snapshotter), so the wrapper has nothing else to do.
     */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * How the event store recognises a lost optimistic-concurrency race: the append of an aggregate's next event hits
     * the unique (aggregate, sequence number) key, SQL state 23505 on PostgreSQL. Axon's JDBC default looks for a
     * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so a race lost to
     * another node surfaced as a plain {@code EventStoreException} (500) instead of a {@code ConcurrencyException}
     * that evicts the stale cached aggregate and is retried ({@code TwoCommandNodesTest}).
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** The command side's own processors (policies) keep their tokens apart from the query side's. */
    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("CommandTokenEntry").build();
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder().deadLetterTable("CommandDeadLetterEntry").build();
    }

    /**
     * Aggregates stay in memory between commands, the most recently used ones up to a bound; an out-of-date entry
     * fails on append and the command retries.
     */
    @Bean
    public BoundedAggregateCache aggregateCache(AggregateCacheSettings settings) {
        return new BoundedAggregateCache(settings.maxEntries());
    }

    /**
     * The cache's lookups by result ({@code omniops.aggregate.cache.gets}: the hit rate is hits over all) and its
     * size. A falling hit rate under load means the bound is too small for the busy aggregates, or another node
     * writes the same ones (its appends evict them here).
     */
    @Bean
    public MeterBinder aggregateCacheMeters(BoundedAggregateCache cache) {
        return registry -> {
            FunctionCounter.builder("omniops.aggregate.cache.gets", cache, BoundedAggregateCache::hits)
                    .description("Aggregate cache lookups").tag("result", "hit").register(registry);
            FunctionCounter.builder("omniops.aggregate.cache.gets", cache, BoundedAggregateCache::misses)
                    .description("Aggregate cache lookups").tag("result", "miss").register(registry);
            Gauge.builder("omniops.aggregate.cache.size", cache, BoundedAggregateCache::size)
                    .description("Aggregates held in the cache").register(registry);
        };
    }

    /** Stock items collect an event per reservation; a snapshot every N events keeps an uncached load cheap. */
    @Bean
    public SnapshotTriggerDefinition stockItemSnapshotTrigger(
            Snapshotter snapshotter, StockSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }

    /**
     * A settlement's stream holds a chunk event per thousand rows of its report; a snapshot every 20 events keeps a
     * load after a cache eviction from replaying a long report's chunks.
     */
    @Bean
    public SnapshotTriggerDefinition settlementSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 20);
    }

    /**
     * The gateway of the REST API: it retries commands that lost an optimistic-concurrency race (another node appended
     * to the same aggregate first). Business rule violations and data errors are final and never retried. Inside a
     * request's unit of work (Idempotency-Key) it sends once, on the request thread ({@link RequestCommandGateway}).
     */
    @Bean(destroyMethod = "")
    @Primary
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        CommandGateway retrying = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new CommandActor())
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .retryInterval(25)
                        .maxRetryCount(3)
                        // A database outage is not a race: retrying would only make the 503 arrive later.
                        .nonTransientFailurePredicate(failure -> failure instanceof BusinessRuleViolation
                                || failure instanceof DataAccessException
                                || failure instanceof AxonNonTransientException
                                || DatabaseOutage.isCause(failure))
                        .build())
                .build();
        CommandGateway direct = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new CommandActor())
                .build();
        return new RequestCommandGateway(retrying, direct);
    }

    /**
     * The gateway of policies: no retries, because a policy's command runs inside the event processor's transaction
     * and a retry would run outside it; a failed event is retried by the processor as a whole instead.
     */
    @Bean(destroyMethod = "")
    @Qualifier("policyCommands")
    public CommandGateway policyCommandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).dispatchInterceptors(new CommandActor()).build();
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "command-retry");
            t.setDaemon(true);
            return t;
        });
    }
}
