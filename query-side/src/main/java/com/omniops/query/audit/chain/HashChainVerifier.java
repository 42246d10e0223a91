package com.omniops.query.audit.chain;

import static com.omniops.query.audit.EventTable.ALL;

import com.omniops.query.audit.StoredEvent;
import com.omniops.query.audit.chain.ChainVerification.Mismatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every chained hash from the event rows as they are stored now, in one consistent snapshot, streaming
 * both tables side by side in global index order. Each event's hash is recomputed from its predecessor's stored hash,
 * so every modified row is reported on its own, not just the first.
 */
@Component
public class HashChainVerifier {

    private static final int MAX_REPORTED = 100;
    private static final String COLUMNS = Arrays.stream(ALL).map(f -> "e." + f.getName())
            .collect(Collectors.joining(", "));
    private static final String SIDE_BY_SIDE = """
            SELECT c.global_index AS chain_index, c.event_identifier AS chain_event, c.hash AS chain_hash, %s
              FROM event_hash_chain c
              FULL OUTER JOIN domainevententry e ON e.globalindex = c.global_index
             WHERE coalesce(c.global_index, e.globalindex) <= {0}
             ORDER BY coalesce(c.global_index, e.globalindex)""".formatted(COLUMNS);

    private final DSLContext dsl;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    public HashChainVerifier(DSLContext dsl, PlatformTransactionManager transactions, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public ChainVerification verify() {
        return snapshot.execute(status -> run());
    }

    private ChainVerification run() {
        Instant started = clock.instant();
        Long chainedUpTo = dsl.resultQuery("SELECT max(global_index) FROM event_hash_chain").fetchOne(0, Long.class);
        Long head = dsl.resultQuery("SELECT max(globalindex) FROM domainevententry").fetchOne(0, Long.class);
        long upTo = chainedUpTo == null ? 0 : chainedUpTo;
        List<Mismatch> mismatches = new ArrayList<>();
        long mismatchCount = 0;
        long checked = 0;
        byte[] previous = StoredForm.GENESIS;
        try (var cursor = dsl.resultQuery(SIDE_BY_SIDE, upTo).fetchSize(500).fetchLazy()) {
            for (var row : cursor) {
                Long chainIndex = row.get("chain_index", Long.class);
                byte[] chainHash = row.get("chain_hash", byte[].class);
                Long eventIndex = row.get(ALL[0].getName(), Long.class);
                Mismatch problem = null;
                if (chainIndex == null) {
                    StoredEvent e = StoredEvent.from(row);
                    problem = new Mismatch(e.globalIndex(), "UNCHAINED", e.eventIdentifier(),
                            e.aggregateIdentifier(), e.sequenceNumber());
                } else if (eventIndex == null) {
                    problem = new Mismatch(chainIndex, "DELETED", row.get("chain_event", String.class), null, null);
                    previous = chainHash;
                } else {
                    StoredEvent e = StoredEvent.from(row);
                    byte[] expected = StoredForm.chainedHash(previous, e);
                    if (!Arrays.equals(expected, chainHash)
                            || !Objects.equals(e.eventIdentifier(), row.get("chain_event", String.class))) {
                        problem = new Mismatch(e.globalIndex(), "MODIFIED", e.eventIdentifier(),
                                e.aggregateIdentifier(), e.sequenceNumber());
                    }
                    previous = chainHash;
                }
                checked++;
                if (problem != null) {
                    mismatchCount++;
                    if (mismatches.size() < MAX_REPORTED) {
                        mismatches.add(problem);
                    }
                }
            }
        }
        long headIndex = head == null ? 0 : head;
        Instant finished = clock.instant();
        return new ChainVerification(mismatchCount == 0 ? "INTACT" : "BROKEN", checked, upTo, headIndex,
                Math.max(0, headIndex - upTo), StoredForm.hex(upTo == 0 ? null : previous),
                mismatches.isEmpty() ? null : mismatches.get(0), mismatches, started,
                finished.toEpochMilli() - started.toEpochMilli());
    }
}
