package com.omniops.support.events;

import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * An event's own place in the stream, its global index, which a read model stores to point at the event behind a
 * figure. The tracking token an event arrives with does not always say it: events commit out of index order
 * (concurrent transactions take their indexes first and commit later), so a processor can see index 518 before
 * 513–515, and the token after 513 is then "up to 518, except 514 and 515" — its position is 518. A rebuild, reading
 * everything in order, gives 513. So the event store's reader marks each event with its own index, worked out from
 * the token before and after it ({@link #marked}), and read models take it from there ({@link #of}).
 */
public final class StreamIndex {

    /** The metadata key of the mark. It is never stored: the reader adds it to each event it hands out. */
    public static final String KEY = "globalIndex";

    private StreamIndex() {
    }

    /** {@code events} as read from {@code start}, each marked with its own global index. */
    public static Stream<TrackedEventMessage<?>> marked(Stream<? extends TrackedEventMessage<?>> events,
                                                        TrackingToken start) {
        TrackingToken[] before = {start};
        return events.map(event -> {
            TrackingToken after = event.trackingToken();
            long own = own(before[0], after);
            before[0] = after;
            return own < 0 ? event : withMark(event, own);
        });
    }

    /** The same event with the mark added, keeping its token (and its aggregate, for a domain event). */
    private static TrackedEventMessage<?> withMark(TrackedEventMessage<?> event, long own) {
        Map<String, Long> mark = Map.of(KEY, own);
        if (event instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage<>(event.trackingToken(), domain.andMetaData(mark));
        }
        return new GenericTrackedEventMessage<>(event.trackingToken(), event.andMetaData(mark));
    }

    /**
     * The event's own global index: its mark, or else its token's position (right for an event read in index order
     * from the start, as in a test that builds its own messages); empty for an event outside a stream.
     */
    public static OptionalLong of(EventMessage<?> message) {
        if (message.getMetaData().get(KEY) instanceof Number own) {
            return OptionalLong.of(own.longValue());
        }
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position();
        }
        return OptionalLong.empty();
    }

    /**
     * The index of the event that took the stream from {@code before} to {@code after}. An event beyond the highest
     * index seen so far raises the token's index to its own. One that fills a gap leaves the index and removes its
     * own gap; the token may drop gaps too old to wait for at the same time, but those all lie below the filled one
     * (Axon truncates below {@code index - maxGapOffset}, which the filled gap is not), so the filled gap is the
     * highest gap that went. Tokens of other kinds (Axon Server's) have no gaps: their position is the event's own.
     */
    static long own(TrackingToken before, TrackingToken after) {
        if (after instanceof GapAwareTrackingToken now) {
            if (before instanceof GapAwareTrackingToken then && now.getIndex() <= then.getIndex()) {
                SortedSet<Long> gone = new TreeSet<>(then.getGaps());
                gone.removeAll(now.getGaps());
                if (!gone.isEmpty()) {
                    return gone.last();
                }
            }
            return now.getIndex();
        }
        return after == null ? -1 : after.position().orElse(-1);
    }
}
