package com.omniops.query.audit.state;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The dispatch table of a fold over one sealed event interface: for every event type either a handler or the reason
 * it changes nothing. Java 17 has no exhaustive pattern switch, so exhaustiveness is a property of this table, which a
 * test compares with the sealed interface's permitted subclasses (a new event type then fails that test, not an
 * auditor's request). An event the table does not know fails loudly instead of being skipped silently.
 *
 * @param <S> the mutable state the handlers update
 */
public final class EventFold<S> {

    private final Class<?> sealedEvents;
    private final Map<Class<?>, BiConsumer<S, Object>> handlers;
    private final Map<Class<?>, String> ignored;
    private final BiConsumer<S, Object> afterEach;

    private EventFold(Builder<S> builder) {
        this.sealedEvents = builder.sealedEvents;
        this.handlers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.handlers));
        this.ignored = Collections.unmodifiableMap(new LinkedHashMap<>(builder.ignored));
        this.afterEach = builder.afterEach;
    }

    /** Starts the table for the events of {@code sealedEvents} (e.g. {@code OrderEvent.class}). */
    public static <S> Builder<S> over(Class<?> sealedEvents) {
        if (!sealedEvents.isSealed()) {
            throw new IllegalArgumentException(sealedEvents.getName() + " is not a sealed event interface");
        }
        return new Builder<>(sealedEvents);
    }

    public Class<?> sealedEvents() {
        return sealedEvents;
    }

    /** Event types that change the state. */
    public Set<Class<?>> handled() {
        return handlers.keySet();
    }

    /** Event types that deliberately change nothing, each with why. */
    public Map<Class<?>, String> ignored() {
        return ignored;
    }

    /** Every event type the table knows, handled or ignored. */
    public Set<Class<?>> covered() {
        Set<Class<?>> all = new LinkedHashSet<>(handlers.keySet());
        all.addAll(ignored.keySet());
        return all;
    }

    /** Applies one event to {@code state} (in place). */
    public void apply(S state, Object event) {
        BiConsumer<S, Object> handler = handlers.get(event.getClass());
        if (handler != null) {
            handler.accept(state, event);
        } else if (!ignored.containsKey(event.getClass())) {
            throw new IllegalStateException("The fold over " + sealedEvents.getSimpleName() + " does not know "
                    + event.getClass().getName() + "; add a handler or an ignore with its reason");
        }
        if (afterEach != null) {
            afterEach.accept(state, event);
        }
    }

    public static final class Builder<S> {
        private final Class<?> sealedEvents;
        private final Set<Class<?>> permitted;
        private final Map<Class<?>, BiConsumer<S, Object>> handlers = new LinkedHashMap<>();
        private final Map<Class<?>, String> ignored = new LinkedHashMap<>();
        private BiConsumer<S, Object> afterEach;

        private Builder(Class<?> sealedEvents) {
            this.sealedEvents = sealedEvents;
            this.permitted = Set.copyOf(Arrays.asList(sealedEvents.getPermittedSubclasses()));
        }

        public <E> Builder<S> on(Class<E> type, BiConsumer<S, E> handler) {
            claim(type);
            handlers.put(type, (state, event) -> handler.accept(state, type.cast(event)));
            return this;
        }

        /** The event type changes nothing in this state; {@code why} says so in code and in the table. */
        public Builder<S> ignore(Class<?> type, String why) {
            claim(type);
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("ignoring " + type.getSimpleName() + " needs a reason");
            }
            ignored.put(type, why);
            return this;
        }

        /** Runs after every event, handled or ignored (e.g. to check the quantities an event records). */
        public Builder<S> afterEach(BiConsumer<S, Object> check) {
            this.afterEach = check;
            return this;
        }

        public EventFold<S> build() {
            return new EventFold<>(this);
        }

        private void claim(Class<?> type) {
            if (!permitted.contains(type)) {
                throw new IllegalArgumentException(type.getName() + " is not an event of " + sealedEvents.getName());
            }
            if (handlers.containsKey(type) || ignored.containsKey(type)) {
                throw new IllegalArgumentException(type.getSimpleName() + " is declared twice");
            }
        }
    }
}
