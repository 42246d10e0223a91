package com.omniops.query.audit.chain;

import java.time.Instant;
import java.util.List;

/**
 * The result of recomputing the hash chain. {@code status} is INTACT when every chained event still has the stored
 * form it was chained with and no event appeared inside the chained range afterwards; otherwise BROKEN, with the first
 * mismatch and up to 100 of them.
 */
public record ChainVerification(String status, long eventsChecked, long chainedUpTo, long headOfStream,
                                long notYetChained, String headHash, Mismatch firstMismatch,
                                List<Mismatch> mismatches, Instant verifiedAt, long durationMillis) {

    public ChainVerification {
        mismatches = List.copyOf(mismatches);
    }

    /**
     * MODIFIED: the event row differs from what was chained (or its chain hash was rewritten: then the next event is
     * reported); DELETED: a chained event is gone; UNCHAINED: an event appeared inside the chained range later.
     */
    public record Mismatch(long globalIndex, String problem, String eventIdentifier, String aggregateId,
                           Long sequence) {
    }
}
