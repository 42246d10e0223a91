package com.omniops.projections.support;

/**
 * What a read model does with one event type of a sealed event interface: an {@code @EventHandler} of its projector
 * applies it, or it is ignored, saying why.
 * <p>
 * Axon routes events to projectors by the handlers' parameter types, so a projector keeps one handler per event type
 * it applies (events it ignores never reach it, are never dead-lettered behind a failed one, and cost nothing on a
 * replay). Each projector also has, per sealed interface it reads, a static {@code use(XxxEvent)} method: a pattern
 * switch with no default branch that names every event type of that interface with its {@code EventUse}. A new event
 * type does not compile until every read model that reads its interface has said what it does with it; a test checks
 * that {@link #APPLIED} is said exactly of the types the projector has a handler for.
 */
public sealed interface EventUse {

    /** A handler of the projector applies this event type. */
    EventUse APPLIED = new Applied();

    /** This read model deliberately does nothing with the event type, because {@code why}. */
    static EventUse ignored(String why) {
        return new Ignored(why);
    }

    record Applied() implements EventUse {
    }

    record Ignored(String why) implements EventUse {
        public Ignored {
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("an ignored event type needs the reason");
            }
        }
    }
}
