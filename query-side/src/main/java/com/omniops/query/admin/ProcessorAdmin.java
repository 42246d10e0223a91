package com.omniops.query.admin;

import com.omniops.query.admin.ProcessorStatus.DeadLetterCount;
import com.omniops.query.admin.ProcessorStatus.ReplayProgress;
import com.omniops.query.admin.ProcessorStatus.ReplicaStatus;
import com.omniops.query.admin.ProcessorStatus.SegmentStatus;
import com.omniops.query.admin.TokenPositions.StoredToken;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Status and rebuild of the event processors hosted by this node. Processors are looked up as
 * {@link StreamingEventProcessor} (pooled and tracking processors both are; a pooled processor is not a
 * TrackingEventProcessor, so looking it up as one would silently find nothing).
 */
@Component
public class ProcessorAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdmin.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenPositions tokens;
    private final DSLContext dsl;
    private final Clock clock;
    /** Null unless queries read a replica. */
    private final ReplicaLag replicaLag;

    public ProcessorAdmin(EventProcessingConfiguration processing, EventStore eventStore, TokenPositions tokens,
                          DSLContext dsl, Clock clock, ObjectProvider<ReplicaLag> replicaLag) {
        this.processing = processing;
        this.clock = clock;
        this.eventStore = eventStore;
        this.tokens = tokens;
        this.dsl = dsl;
        this.replicaLag = replicaLag.getIfAvailable();
    }

    public List<ProcessorStatus> all() {
        Long head = head();
        ReplicaLag.Replication replication = replicaLag == null ? null : replicaLag.replication();
        return new TreeMap<>(processing.eventProcessors()).values().stream()
                .map(p -> status(p, head, replication)).toList();
    }

    public ProcessorStatus status(String name) {
        return status(processor(name), head(), replicaLag == null ? null : replicaLag.replication());
    }

    /**
     * Rebuilds a read model: stops this node's processor, resets its tokens (which runs the projector's
     * {@code @ResetHandler}, clearing its own tables) and starts it again; it then replays the whole stream. Other
     * nodes must not hold segments of the processor (stop them first); otherwise nothing is reset and the processor
     * is restarted as it was.
     */
    public synchronized RebuildStarted rebuild(String name) {
        StreamingEventProcessor processor = streaming(name);
        if (!processor.supportsReset()) {
            throw new ApiException(QueryErrorCode.REPLAY_NOT_SUPPORTED, "Processor '" + name
                    + "' does not support a reset.");
        }
        ProcessorStatus before = status(name);
        if (before.replaying()) {
            throw new ApiException(QueryErrorCode.REBUILD_IN_PROGRESS, "Processor '" + name
                    + "' is already replaying (" + before.replay() + ").");
        }
        Instant startedAt = clock.instant();
        log.info("Rebuild of processor {} requested: stopping, resetting tokens, starting", name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw new ApiException(QueryErrorCode.PROCESSOR_CLAIMED_ELSEWHERE, "Processor '" + name
                    + "' has segments claimed by another node; stop it on every other node "
                            + "first. Nothing was reset.");
        }
        Map<Integer, Long> afterReset = positions(name);
        processor.start();
        return new RebuildStarted(name, startedAt, positionsOf(before), afterReset, status(name));
    }

    /** What a rebuild did: positions per segment before and right after the reset, and the status after start. */
    public record RebuildStarted(String processor, Instant startedAt, Map<Integer, Long> positionsBefore,
                                 Map<Integer, Long> positionsAfterReset, ProcessorStatus status) {
    }

    StreamingEventProcessor streaming(String name) {
        if (processor(name) instanceof StreamingEventProcessor streaming) {
            return streaming;
        }
        throw new ApiException(QueryErrorCode.REPLAY_NOT_SUPPORTED, "Processor '" + name
                + "' is not a streaming processor; it cannot replay.");
    }

    private EventProcessor processor(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new ApiException(QueryErrorCode.PROCESSOR_NOT_FOUND, "No event processor named '" + name
                    + "' runs here; known: "
                            + processing.eventProcessors().keySet());
        }
        return processor;
    }

    private ProcessorStatus status(EventProcessor processor, Long head, ReplicaLag.Replication replication) {
        String name = processor.getName();
        DeadLetterCount deadLetters = processing.deadLetterQueue(name)
                .map(q -> new DeadLetterCount(q.amountOfSequences(), q.size())).orElse(null);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(name, mode(processor), processor.isRunning(), processor.isError(), false,
                    false, head, null, null, null, List.of(), deadLetters, null);
        }
        Map<Integer, EventTrackerStatus> local = streaming.processingStatus();
        List<SegmentStatus> segments = new ArrayList<>();
        Long lowest = null;
        Long resetPosition = null;
        boolean replaying = false;
        List<StoredToken> storedTokens = tokens.read(dsl, name);
        for (StoredToken stored : storedTokens) {
            EventTrackerStatus here = local.get(stored.segment());
            TrackingToken storedToken = stored.token();
            // Position: live for a segment this node works on (the stored token of an idle segment is only rewritten
            // when the claim is extended, every few seconds), stored for segments of other nodes.
            Long position = here != null && here.getCurrentPosition().isPresent()
                    ? Long.valueOf(here.getCurrentPosition().getAsLong()) : position(storedToken);
            // Replay: the stored token is a ReplayToken from the reset until the first event after the reset point
            // (Axon keeps it that long); the history is replayed once the segment has reached the reset point.
            OptionalLong atReset = here != null && here.getResetPosition().isPresent()
                    ? here.getResetPosition() : ReplayToken.getTokenAtReset(storedToken);
            boolean inReplay = (here != null && here.isReplaying()) || ReplayToken.isReplay(storedToken);
            boolean segmentReplaying = inReplay
                    && (position == null || atReset.isEmpty() || position < atReset.getAsLong());
            segments.add(new SegmentStatus(stored.segment(), stored.owner(), here != null, position,
                    lag(head, position), segmentReplaying, atReset.isPresent() ? atReset.getAsLong() : null,
                    here == null ? null : here.isCaughtUp(), here == null ? null : here.isErrorState(),
                    here == null || here.getError() == null ? null : here.getError().toString()));
            long p = position == null ? -1 : position;
            lowest = lowest == null ? p : Math.min(lowest, p);
            if (segmentReplaying) {
                replaying = true;
                resetPosition = resetPosition == null ? atReset.orElse(-1) : Math.max(resetPosition, atReset.orElse(-1));
            }
        }
        if (lowest != null && lowest < 0) {
            lowest = null; // a segment has not processed anything yet
        }
        ReplayProgress replay = null;
        if (replaying) {
            double percent = resetPosition == null || resetPosition <= 0 ? 0
                    : Math.min(100.0, Math.round(1000.0 * (lowest == null ? 0 : lowest) / resetPosition) / 10.0);
            replay = new ReplayProgress(resetPosition == null ? -1 : resetPosition, lowest, percent);
        }
        return new ProcessorStatus(name, mode(processor), processor.isRunning(), processor.isError(),
                streaming.supportsReset(), replaying, head, lowest, lag(head, lowest), replay, segments, deadLetters,
                replica(name, head, storedTokens, replication));
    }

    /**
     * The processor's read model on the replica: the replica's copy of its tokens against the primary's stored tokens
     * (like for like: a segment's stored token can trail its live position by a few seconds when it sees no events).
     */
    private ReplicaStatus replica(String name, Long head, List<StoredToken> primaryTokens,
                                  ReplicaLag.Replication replication) {
        if (replication == null) {
            return null;
        }
        Map<Integer, Long> onReplica = new HashMap<>();
        try {
            replicaLag.tokens(name).forEach(t -> onReplica.put(t.segment(), position(t.token())));
        } catch (RuntimeException e) {
            log.warn("Cannot read the tokens of {} on the replica: {}", name, e.toString());
            return new ReplicaStatus(null, null, null, replication.lagBytes(), replication.replayDelayMillis(),
                    "the replica's tokens cannot be read: " + e.getMessage());
        }
        Long lowest = onReplica.values().stream().filter(Objects::nonNull).min(Long::compare).orElse(null);
        long behind = 0;
        for (StoredToken primary : primaryTokens) {
            Long there = onReplica.get(primary.segment());
            Long here = position(primary.token());
            behind = Math.max(behind, (here == null ? -1 : here) - (there == null ? -1 : there));
        }
        return new ReplicaStatus(lowest, lag(head, lowest), behind, replication.lagBytes(),
                replication.replayDelayMillis(), replication.error());
    }

    private Map<Integer, Long> positions(String name) {
        Map<Integer, Long> positions = new LinkedHashMap<>();
        for (StoredToken stored : tokens.read(dsl, name)) {
            positions.put(stored.segment(), position(stored.token()));
        }
        return positions;
    }

    private static Map<Integer, Long> positionsOf(ProcessorStatus status) {
        Map<Integer, Long> positions = new LinkedHashMap<>();
        status.segments().forEach(s -> positions.put(s.segment(), s.position()));
        return positions;
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static Long lag(Long head, Long position) {
        if (head == null) {
            return null;
        }
        return Math.max(0, head - (position == null ? 0 : position));
    }

    private Long head() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            return head == null ? 0L : position(head);
        } catch (RuntimeException e) {
            log.warn("Cannot read the head of the event stream: {}", e.toString());
            return null;
        }
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        if (processor instanceof SubscribingEventProcessor) {
            return "subscribing";
        }
        return processor.getClass().getSimpleName();
    }
}
