package com.omniops.query.admin;

import java.util.List;

/**
 * One dead-lettered event: the processing group, the sequence it blocks ({@code sequenceId}, the aggregate id under
 * the default per-aggregate policy) and its position in that sequence, the event, and why it failed.
 */
public record DeadLetterView(String group, String sequenceId, long sequenceIndex, String eventIdentifier,
                             String payloadType, String aggregateType, String aggregateId, Long aggregateSequence,
                             String enqueuedAt, String lastTouched, String causeType, String causeMessage) {

    public record Page(List<DeadLetterView> items, int page, int size, long totalItems, int totalPages) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** What a retry did: sequences tried, sequences now cleared, letters still waiting in the group. */
    public record RetryResult(String group, int sequencesAttempted, int sequencesCleared, long lettersRemaining) {
    }

    public record EvictResult(String group, String sequenceId, int evicted) {
    }
}
