package com.omniops.command.demo;

import com.omniops.command.demo.DemoLoadRecord.Decision;
import com.omniops.command.demo.DemoLoadRecord.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DemoLoadRecordTest {

    private static final Instant STARTED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Row HALF = new Row(42, 90, 36, STARTED, 37, STARTED.plusSeconds(60), null, null, null);
    private static final Row DONE = new Row(42, 90, 36, STARTED, 90, STARTED.plusSeconds(170),
            STARTED.plusSeconds(170), 3400, null);

    @Test
    void givenNoRecordAndNoDemoProducts_whenStarting_thenLoad() {
        assertThat(DemoLoadRecord.decide(true, Optional.empty(), false)).isEqualTo(Decision.LOAD);
    }

    @Test
    void givenACompletedRecord_whenStarting_thenNothingToDo() {
        assertThat(DemoLoadRecord.decide(true, Optional.of(DONE), true)).isEqualTo(Decision.ALREADY_LOADED);
    }

    @Test
    void givenARecordWithoutCompletionAndAFreeLock_whenStarting_thenInterruptedNeverLoaded() {
        assertThat(DemoLoadRecord.decide(true, Optional.of(HALF), true)).isEqualTo(Decision.INTERRUPTED);
    }

    @Test
    void givenTheLockHeldElsewhere_whenStarting_thenAnotherNodeIsLoading() {
        assertThat(DemoLoadRecord.decide(false, Optional.of(HALF), true)).isEqualTo(Decision.LOADING_ELSEWHERE);
        assertThat(DemoLoadRecord.decide(false, Optional.empty(), false)).isEqualTo(Decision.LOADING_ELSEWHERE);
    }

    @Test
    void givenDemoProductsWithoutARecord_whenStarting_thenTakenAsLoadedByAnEarlierVersion() {
        assertThat(DemoLoadRecord.decide(true, Optional.empty(), true)).isEqualTo(Decision.LOADED_WITHOUT_RECORD);
    }
}
