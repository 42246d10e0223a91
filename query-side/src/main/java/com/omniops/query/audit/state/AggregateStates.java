package com.omniops.query.audit.state;

import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Rebuilds an aggregate's state as of an instant by replaying its events (upcast and deserialized by the event store,
 * snapshots ignored) through the {@link AuditStateFolder} of its type. The cut is a prefix of the aggregate's sequence:
 * folding stops at the first event after the instant.
 */
@Component
public class AggregateStates {

    private final EventStore eventStore;
    private final Map<String, AuditStateFolder<?, ?>> folders;

    public AggregateStates(EventStore eventStore, List<AuditStateFolder<?, ?>> folders) {
        this.eventStore = eventStore;
        this.folders = folders.stream().collect(Collectors.toMap(AuditStateFolder::aggregateType,
                Function.identity()));
    }

    public AggregateStateAt stateAt(String aggregateId, Instant at, TimeBasis basis) {
        return fold(aggregateId, at, basis, folders);
    }

    /** The state as a typed object, for callers that need the figures (explanations). */
    public <S> S typedStateAt(AuditStateFolder<S, ?> folder, String aggregateId, Instant at) {
        @SuppressWarnings("unchecked")
        S state = (S) fold(aggregateId, at, TimeBasis.STORED, Map.of(folder.aggregateType(), folder)).state();
        return state;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private AggregateStateAt fold(String aggregateId, Instant at, TimeBasis basis,
                                  Map<String, AuditStateFolder<?, ?>> known) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        AuditStateFolder folder = null;
        Object state = null;
        String type = null;
        long version = -1;
        int applied = 0;
        int later = 0;
        Instant lastStoredAt = null;
        String lastType = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (type == null) {
                type = event.getType();
                folder = known.get(type);
                if (folder == null) {
                    throw new ApiException(QueryErrorCode.UNSUPPORTED_AGGREGATE_TYPE, "Aggregate '" + aggregateId
                            + "' is a " + type + "; no audit state is defined for it "
                                    + "(its events are available under /api/audit/aggregates/{id}/events).");
                }
                state = folder.initial(aggregateId);
            }
            Instant when = basis == TimeBasis.STORED ? event.getTimestamp() : BusinessTime.of(event.getPayload());
            if (later > 0 || (when != null && when.isAfter(at))) {
                later++;
                continue;
            }
            state = folder.apply(state, event.getPayload());
            version = event.getSequenceNumber();
            applied++;
            lastStoredAt = event.getTimestamp();
            lastType = event.getPayloadType().getSimpleName();
        }
        if (type == null) {
            throw new ApiException(QueryErrorCode.AGGREGATE_NOT_FOUND, "No events are stored for aggregate '"
                    + aggregateId + "'.");
        }
        if (applied == 0) {
            throw new ApiException(QueryErrorCode.AGGREGATE_NOT_FOUND, "Aggregate '" + aggregateId
                    + "' did not exist yet at " + at + " (its first event is later).");
        }
        return new AggregateStateAt(aggregateId, type, at, basis, version, applied, later, lastStoredAt, lastType,
                state);
    }
}
