package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.bean;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's sequence gaps: the event table's global index is handed out when a transaction inserts its events, so a
 * transaction that commits late leaves a gap that fills later, and one that rolls back leaves a gap that never
 * fills. A processor must apply the late event when it arrives, below events it has already applied, and must not
 * stall at a gap that stays.
 */
class SequenceGapsTest {

    @Test
    void anEventCommittedAfterHigherOnesIsAppliedWhenItArrives() throws Exception {
        String channel = uniqueId("CH");
        String late = uniqueId("LATE");
        String early = uniqueId("EARLY");
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commitNow = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> {
            Transaction transaction = bean(TransactionManager.class).startTransaction();
            bean(EventStore.class).publish(List.of(new GenericDomainEventMessage<>("Order", late, 0,
                    OrderBoardProjectionTest.placed(late, channel, Instant.now()))));
            inserted.countDown();
            try {
                commitNow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            transaction.commit();
        });
        assertThat(inserted.await(30, TimeUnit.SECONDS)).as("the slow writer took its index").isTrue();

        append("Order", early, 0, OrderBoardProjectionTest.placed(early, channel, Instant.now()));
        await("the order committed first, with the higher index").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> get("/api/orders/" + early).status() == 200);
        assertThat(get("/api/orders/" + late).status()).as("not committed yet").isEqualTo(404);

        commitNow.countDown();
        slowWriter.get(30, TimeUnit.SECONDS);
        await("the order committed late, with the lower index").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> get("/api/orders/" + late).status() == 200);
    }

    @Test
    void aRolledBackIndexNeverStallsTheProcessors() {
        String channel = uniqueId("CH");
        String rolledBack = uniqueId("GONE");
        String after = uniqueId("AFTER");
        Transaction transaction = bean(TransactionManager.class).startTransaction();
        bean(EventStore.class).publish(List.of(new GenericDomainEventMessage<>("Order", rolledBack, 0,
                OrderBoardProjectionTest.placed(rolledBack, channel, Instant.now()))));
        transaction.rollback();

        append("Order", after, 0, OrderBoardProjectionTest.placed(after, channel, Instant.now()));
        await("the order after the gap").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/orders/" + after).status() == 200);
        assertThat(get("/api/orders/" + rolledBack).status()).isEqualTo(404);
    }
}
