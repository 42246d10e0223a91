package com.omniops.query.audit.state;

/**
 * Folds the events of one aggregate type, oldest first, into the state an auditor reads. Pure: no I/O, no clock, no
 * command-side code (the query side may not import it); it works on the shared event records only, so it is an
 * independent second reading of the stream next to the aggregate itself.
 * <p>
 * {@link #fold} is a pattern switch over the aggregate's sealed event interface with no default branch: the compiler
 * checks that every event type is handled (or ignored, with why, in its own case), so a new event type in the
 * contract does not compile until each folder says what it does.
 *
 * @param <S> a JSON-friendly, mutable state
 * @param <E> the aggregate's sealed event interface
 */
public interface AuditStateFolder<S, E> {

    /** The aggregate type as stored with each event ({@code DomainEventEntry.type}), e.g. {@code Order}. */
    String aggregateType();

    /** The aggregate's sealed event interface, e.g. {@code OrderEvent.class}. */
    Class<E> events();

    S initial(String aggregateId);

    /** What one event does to the state (in place): an exhaustive switch over {@code E}. */
    void fold(S state, E event);

    /**
     * Applies one stored payload (an upcast, deserialized shared-events record) and returns the state. A payload of
     * another aggregate's type is a wrong stream, not something to skip: it fails.
     */
    default S apply(S state, Object event) {
        if (!events().isInstance(event)) {
            throw new IllegalStateException("The " + aggregateType() + " fold does not fold "
                    + event.getClass().getName() + ", which is not a " + events().getSimpleName());
        }
        fold(state, events().cast(event));
        return state;
    }
}
