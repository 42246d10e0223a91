package com.omniops.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

    @Test
    void beyondTheLimitACommandWaitsAndIsTurnedAwayWhenNoTurnComesInTime() {
        AdmissionGate gate = new AdmissionGate(2, 50);

        assertThat(gate.enter()).isTrue();
        assertThat(gate.enter()).isTrue();
        long start = System.nanoTime();
        assertThat(gate.enter()).as("a third one at once").isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("it waited").isGreaterThanOrEqualTo(45);

        gate.leave();
        assertThat(gate.enter()).as("a freed place is taken").isTrue();
    }

    @Test
    void aWaitingCommandGetsThePlaceFreedWhileItWaits() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, 10_000);
        assertThat(gate.enter()).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return gate.enter();
        });
        waiting.await();

        gate.leave();

        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
