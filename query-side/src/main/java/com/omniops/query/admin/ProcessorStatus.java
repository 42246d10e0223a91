package com.omniops.query.admin;

import java.util.List;

/**
 * One event processor (= processing group here) as an operator sees it. Positions are global indexes of the event
 * stream; {@code lag} = head of the stream − the lowest segment position. Segment positions come from the token
 * store, so segments claimed by other nodes are included; {@code caughtUp}/{@code errorState} are only known for
 * segments this node works on. {@code replaying}: some segment has not yet reached the position that was the head of
 * the stream when it was reset (Axon itself keeps the replay token a little longer, until a newer event arrives).
 * {@code replica}: with queries reading a replica, how far the read model as the replica has it is behind; null
 * without a replica.
 */
public record ProcessorStatus(String name, String mode, boolean running, boolean error, boolean supportsReset,
                              boolean replaying, Long head, Long position, Long lag, ReplayProgress replay,
                              List<SegmentStatus> segments, DeadLetterCount deadLetters,
                              ReplicaStatus replica) {

    public ProcessorStatus {
        segments = List.copyOf(segments);
    }

    /** A replay's progress: from the first event up to {@code resetPosition}, the head when it was reset. */
    public record ReplayProgress(long resetPosition, Long currentPosition, double percent) {
    }

    public record SegmentStatus(int segment, String owner, boolean claimedHere, Long position, Long lag,
                                boolean replaying, Long resetPosition, Boolean caughtUp, Boolean errorState,
                                String error) {
    }

    /**
     * The read model as queries see it on the replica: {@code position} (lowest segment position in the replica's
     * copy of the tokens, segments that stored none aside) and {@code lag} (head of the stream − that position);
     * {@code behindPrimary}: the most events a segment's stored token on the primary is ahead of the same token on
     * the replica (0: the replica has every batch the primary committed). {@code lagBytes},
     * {@code replayDelayMillis} and {@code error} are the replica's as a whole ({@link ReplicaLag.Replication}).
     */
    public record ReplicaStatus(Long position, Long lag, Long behindPrimary, Long lagBytes, Long replayDelayMillis,
                                String error) {
    }

    /** {@code sequences}: aggregates with events waiting; {@code letters}: events waiting in all of them. */
    public record DeadLetterCount(long sequences, long letters) {
    }
}
