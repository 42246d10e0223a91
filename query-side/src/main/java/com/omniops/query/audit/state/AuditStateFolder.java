package com.omniops.query.audit.state;

/**
 * Folds the events of one aggregate type, oldest first, into the state an auditor reads. Pure: no I/O, no clock, no
 * command-side code (the query side may not import it); it works on the shared event records only, so it is an
 * independent second reading of the stream next to the aggregate itself. Every event type of the aggregate's sealed
 * interface is either handled or ignored with a reason in its {@link #fold() table}.
 *
 * @param <S> a JSON-friendly state
 */
public interface AuditStateFolder<S> {

    /** The aggregate type as stored with each event ({@code DomainEventEntry.type}), e.g. {@code Order}. */
    String aggregateType();

    S initial(String aggregateId);

    /** The table of what each event type of the aggregate does to the state. */
    EventFold<S> fold();

    /** Applies one event (an upcast, deserialized shared-events record) and returns the new state. */
    default S apply(S state, Object event) {
        fold().apply(state, event);
        return state;
    }
}
