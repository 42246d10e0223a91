package com.omniops.query.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A live read model compared with a fresh recomputation from the events. Both cover exactly the same events: the
 * recomputation applies, per segment, the events the live processor's token had covered when the live rows were
 * copied (one database snapshot), skipping what sits in the dead-letter queue. {@code identical} is true when every
 * table has the same rows.
 */
public record ReadModelVerification(String processor, boolean identical, Instant verifiedAt, long durationMillis,
                                    long eventsReplayed, long eventsNotYetProcessedLive, long eventsDeadLettered,
                                    List<String> replayFailures, List<TableComparison> tables) {

    public ReadModelVerification {
        replayFailures = List.copyOf(replayFailures);
        tables = List.copyOf(tables);
    }

    /**
     * {@code onlyInLive}: rows the live table has that the recomputation does not (wrong or stale rows);
     * {@code onlyInRecomputed}: rows missing from (or different in) the live table. A changed row counts in both.
     * {@code compared} is false for a journal (a log in the order the live processor applied events, e.g. a channel's
     * change feed): only its rows are counted; the tables of the state it leads to are compared.
     */
    public record TableComparison(String table, boolean compared, long liveRows, long recomputedRows, long onlyInLive,
                                  long onlyInRecomputed, List<Map<String, Object>> sampleOnlyInLive,
                                  List<Map<String, Object>> sampleOnlyInRecomputed) {
    }
}
