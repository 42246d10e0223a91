package com.omniops.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class StreamIndexTest {

    @Test
    void anEventThatCommittedLateIsMarkedWithItsOwnIndexNotTheHighestSeen() {
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(512, List.of());
        // 513-515 took their indexes first but committed after 516-518: the reader saw 516-518, then them
        GapAwareTrackingToken afterFirstRead = start.advanceTo(516, 10_000).advanceTo(517, 10_000)
                .advanceTo(518, 10_000);
        assertThat(afterFirstRead.getGaps()).containsExactly(513L, 514L, 515L);

        List<TrackedEventMessage<?>> late = read(afterFirstRead, List.of(513L, 514L, 515L), 10_000);

        assertThat(late).extracting(e -> e.trackingToken().position().getAsLong()).containsOnly(518L);
        assertThat(late).extracting(e -> StreamIndex.of(e).getAsLong()).containsExactly(513L, 514L, 515L);
    }

    /**
     * Events committing in random order, read by a reader that fetches now and then what has committed beyond its
     * token or in its gaps (as the JDBC storage engine does), with a generous and with a tight gap window: every
     * event read is marked with its own index, whatever order it came in.
     */
    @Test
    void everyEventReadIsMarkedWithItsOwnIndexWhateverTheCommitOrder() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            int maxGapOffset = seed % 2 == 0 ? 10_000 : 3;
            List<Long> commitOrder = new ArrayList<>();
            for (long index = 0; index < 60; index++) {
                commitOrder.add(index);
            }
            // commits arrive nearly in order: each index may be overtaken by up to 5 later ones
            for (int i = 0; i < commitOrder.size(); i++) {
                int j = Math.min(commitOrder.size() - 1, i + random.nextInt(6));
                Collections.swap(commitOrder, i, j);
            }
            TreeSet<Long> committed = new TreeSet<>();
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(-1, List.of());
            int next = 0;
            while (next < commitOrder.size()) {
                int batch = 1 + random.nextInt(8);
                for (int i = 0; i < batch && next < commitOrder.size(); i++) {
                    committed.add(commitOrder.get(next++));
                }
                GapAwareTrackingToken before = token;
                List<Long> visible = committed.stream()
                        .filter(i -> i > before.getIndex() || before.getGaps().contains(i)).toList();
                List<TrackedEventMessage<?>> read = read(token, visible, maxGapOffset);
                assertThat(read).as("seed %d", seed)
                        .allSatisfy(e -> assertThat(StreamIndex.of(e).getAsLong()).isEqualTo(e.getPayload()));
                if (!read.isEmpty()) {
                    token = (GapAwareTrackingToken) read.get(read.size() - 1).trackingToken();
                }
            }
        }
    }

    @Test
    void anEventBuiltOutsideAStreamHasNoIndexAndOneReadInOrderHasItsPosition() {
        assertThat(StreamIndex.of(GenericEventMessage.asEventMessage("loose"))).isEmpty();
        GenericTrackedEventMessage<String> inOrder = new GenericTrackedEventMessage<>(
                GapAwareTrackingToken.newInstance(7, List.of()), GenericEventMessage.asEventMessage("seventh"));
        assertThat(StreamIndex.of(inOrder)).hasValue(7);
    }

    /** What a storage engine hands out for {@code indexes} read from {@code start}, marked. */
    private static List<TrackedEventMessage<?>> read(GapAwareTrackingToken start, List<Long> indexes,
                                                     int maxGapOffset) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        GapAwareTrackingToken token = start;
        for (long index : indexes) {
            token = token.advanceTo(index, maxGapOffset);
            events.add(new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(index)));
        }
        try (Stream<TrackedEventMessage<?>> marked = StreamIndex.marked(events.stream(), start)) {
            return marked.toList();
        }
    }
}
