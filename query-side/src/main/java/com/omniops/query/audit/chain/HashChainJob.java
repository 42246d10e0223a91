package com.omniops.query.audit.chain;

import static com.omniops.projections.jooq.Tables.EVENT_HASH_CHAIN;
import static com.omniops.query.audit.EventTable.DOMAIN_EVENT_ENTRY;
import static com.omniops.query.audit.EventTable.GLOBAL_INDEX;

import com.omniops.query.audit.EventTable;
import com.omniops.query.audit.StoredEvent;
import com.omniops.query.config.HashChainSettings;
import com.omniops.support.sql.StatementShape;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends the hash chain over the stored event stream, strictly in global index order, one batch at a time.
 * <p>
 * Why a sequential job rather than an event processor: the chain needs one total order, and a pooled processor splits
 * the stream into segments with no order across aggregates. The job reads {@code DomainEventEntry} by global index.
 * <p>
 * Gaps: a global index is taken from a sequence when a transaction inserts, so a lower index can become visible after
 * a higher one (the lower transaction commits later), and an index whose transaction rolled back never appears. The
 * job therefore stops at a gap and only steps over it once it has been seen for {@code gap-timeout} (default 60 s,
 * Axon's own gap timeout). An event that commits into a gap after that is reported by verification as UNCHAINED.
 * <p>
 * Several query-side nodes may run the job: a transaction-scoped advisory lock lets one of them work at a time.
 * <p>
 * Its statements are {@link StatementShape}s, rendered once, and a batch's chain rows go in one JDBC batch of one
 * single-row INSERT: the multi-row INSERT jOOQ built before was rendered anew for every batch, row by row.
 */
@Component
public class HashChainJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HashChainJob.class);
    /** Advisory lock id of the chain writer ("omniHash"). */
    private static final long LOCK_ID = 0x6F6D6E6948617368L;

    private final StatementShape tryLock;
    private final StatementShape lastChained;
    private final StatementShape eventsAfter;
    private final StatementShape chain;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final long intervalMillis;
    private final Duration gapTimeout;
    private final int batchSize;
    private final Clock clock;
    private final Object chainLock = new Object();
    private ScheduledExecutorService scheduler;

    /** The first global index of the gap the job is waiting at, and since when (wall clock). */
    private long waitingAtGap = -1;
    private Instant waitingSince;

    public HashChainJob(DSLContext dsl, PlatformTransactionManager transactions, HashChainSettings settings,
                        Clock clock) {
        this.clock = clock;
        this.tryLock = StatementShape.of(dsl, dsl.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class,
                DSL.inline(LOCK_ID))));
        var h = EVENT_HASH_CHAIN;
        this.lastChained = StatementShape.of(dsl, dsl.select(h.GLOBAL_INDEX, h.HASH).from(h)
                .orderBy(h.GLOBAL_INDEX.desc()).limit(DSL.inline(1)));
        this.eventsAfter = StatementShape.of(dsl, dsl.select(EventTable.ALL).from(DOMAIN_EVENT_ENTRY)
                        .where(GLOBAL_INDEX.gt(DSL.param("after", GLOBAL_INDEX)))
                        .orderBy(GLOBAL_INDEX)
                        .limit(DSL.inline(settings.batchSize())),
                "after");
        this.chain = StatementShape.of(dsl, dsl.insertInto(h)
                        .set(h.GLOBAL_INDEX, DSL.param("globalIndex", h.GLOBAL_INDEX))
                        .set(h.EVENT_IDENTIFIER, DSL.param("eventIdentifier", h.EVENT_IDENTIFIER))
                        .set(h.HASH, DSL.param("hash", h.HASH))
                        .set(h.CHAINED_AT, DSL.param("chainedAt", h.CHAINED_AT)),
                "globalIndex", "eventIdentifier", "hash", "chainedAt");
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = settings.enabled();
        this.intervalMillis = settings.intervalMs();
        this.gapTimeout = settings.gapTimeout();
        this.batchSize = settings.batchSize();
    }

    /** Chains as many stored events as are safe to chain now; returns how many were added. */
    public int chainAvailable() {
        synchronized (chainLock) {
            int total = 0;
            Batch batch;
            do {
                batch = transaction.execute(status -> chainBatch());
                total += batch.added();
            } while (batch.more());
            return total;
        }
    }

    private record Batch(int added, boolean more) {
    }

    private Batch chainBatch() {
        Boolean locked = tryLock.fetchOptional().map(row -> row.get(0, Boolean.class)).orElse(false);
        if (!Boolean.TRUE.equals(locked)) {
            return new Batch(0, false); // another node is chaining
        }
        var last = lastChained.fetchOptional().orElse(null);
        long previousIndex = last == null ? 0 : last.get(EVENT_HASH_CHAIN.GLOBAL_INDEX);
        byte[] previousHash = last == null ? StoredForm.GENESIS : last.get(EVENT_HASH_CHAIN.HASH);
        List<StoredEvent> events = eventsAfter.fetch(previousIndex).map(StoredEvent::from);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        int added = 0;
        for (StoredEvent event : events) {
            if (event.globalIndex() != previousIndex + 1 && !gapSettled(previousIndex + 1)) {
                break;
            }
            previousHash = StoredForm.chainedHash(previousHash, event);
            previousIndex = event.globalIndex();
            rows.add(new Object[]{event.globalIndex(), event.eventIdentifier(), previousHash, now});
            added++;
        }
        chain.executeBatch(rows);
        return new Batch(added, added == batchSize);
    }

    /** True once the gap starting at {@code index} has been waited for long enough. */
    private boolean gapSettled(long index) {
        Instant now = clock.instant();
        if (waitingAtGap != index) {
            waitingAtGap = index;
            waitingSince = now;
        }
        boolean settled = !now.isBefore(waitingSince.plus(gapTimeout));
        if (settled) {
            log.info("Hash chain steps over missing global index {} (gap older than {})", index, gapTimeout);
        }
        return settled;
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-hash-chain");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            chainAvailable();
        } catch (RuntimeException e) {
            // e.g. the event table does not exist yet on a fresh database: try again on the next tick
            log.warn("Hash chain run failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
