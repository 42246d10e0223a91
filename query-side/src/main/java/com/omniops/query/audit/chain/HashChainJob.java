package com.omniops.query.audit.chain;

import static com.omniops.projections.jooq.Tables.EVENT_HASH_CHAIN;
import static com.omniops.query.audit.EventTable.DOMAIN_EVENT_ENTRY;
import static com.omniops.query.audit.EventTable.GLOBAL_INDEX;

import com.omniops.query.audit.EventTable;
import com.omniops.query.audit.StoredEvent;
import com.omniops.query.config.HashChainSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
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
 */
@Component
public class HashChainJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HashChainJob.class);
    /** Advisory lock id of the chain writer ("omniHash"). */
    private static final long LOCK_ID = 0x6F6D6E6948617368L;

    private final DSLContext dsl;
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
        this.dsl = dsl;
        this.clock = clock;
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
        Boolean locked = dsl.resultQuery("SELECT pg_try_advisory_xact_lock({0})", LOCK_ID).fetchOne(0, Boolean.class);
        if (!Boolean.TRUE.equals(locked)) {
            return new Batch(0, false); // another node is chaining
        }
        var last = dsl.select(EVENT_HASH_CHAIN.GLOBAL_INDEX, EVENT_HASH_CHAIN.HASH).from(EVENT_HASH_CHAIN)
                .orderBy(EVENT_HASH_CHAIN.GLOBAL_INDEX.desc()).limit(1).fetchOne();
        long previousIndex = last == null ? 0 : last.value1();
        byte[] previousHash = last == null ? StoredForm.GENESIS : last.value2();
        List<StoredEvent> events = dsl.select(EventTable.ALL).from(DOMAIN_EVENT_ENTRY)
                .where(GLOBAL_INDEX.gt(previousIndex))
                .orderBy(GLOBAL_INDEX)
                .limit(batchSize)
                .fetch(StoredEvent::from);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var insert = dsl.insertInto(EVENT_HASH_CHAIN, EVENT_HASH_CHAIN.GLOBAL_INDEX,
                EVENT_HASH_CHAIN.EVENT_IDENTIFIER, EVENT_HASH_CHAIN.HASH, EVENT_HASH_CHAIN.CHAINED_AT);
        int added = 0;
        for (StoredEvent event : events) {
            if (event.globalIndex() != previousIndex + 1 && !gapSettled(previousIndex + 1)) {
                break;
            }
            previousHash = StoredForm.chainedHash(previousHash, event);
            previousIndex = event.globalIndex();
            insert = insert.values(event.globalIndex(), event.eventIdentifier(), previousHash, now);
            added++;
        }
        if (added > 0) {
            insert.execute();
        }
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
