package com.omniops.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ReadModelVerifierTokenTest {

    @Test
    void anEventAboveAGapThatWillNeverBeFilledCountsAsProcessed() {
        // index 7 was taken by a transaction that rolled back: the live token keeps waiting for it
        GapAwareTrackingToken live = GapAwareTrackingToken.newInstance(20, List.of(7L));

        assertThat(ReadModelVerifier.processed(live, 12)).isTrue();
        assertThat(ReadModelVerifier.processed(live, 20)).isTrue();
        assertThat(ReadModelVerifier.processed(live, 7)).as("the gap itself").isFalse();
        assertThat(ReadModelVerifier.processed(live, 21)).as("beyond the token").isFalse();
        // what the comparison used to be, which said no for 12
        assertThat(live.covers(GapAwareTrackingToken.newInstance(12, List.of()))).isFalse();
    }

    @Test
    void aReplayingSegmentHasProcessedUpToWhereItsReplayIs() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(100, List.of());
        GapAwareTrackingToken replayedUpTo = GapAwareTrackingToken.newInstance(40, List.of());
        var replaying = ReplayToken.createReplayToken(head, replayedUpTo);

        assertThat(ReadModelVerifier.processed(replaying, 40)).isTrue();
        assertThat(ReadModelVerifier.processed(replaying, 41)).isFalse();
        assertThat(ReadModelVerifier.processed(null, 1)).as("no token: nothing processed").isFalse();
    }
}
