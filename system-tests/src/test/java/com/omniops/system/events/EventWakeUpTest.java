package com.omniops.system.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omniops.support.events.EventAppendListener;
import com.omniops.support.events.EventAppendNotifier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query side sees an order placed through the REST API within seconds although it polls the event table only
 * once a minute: the command side's NOTIFY after the commit reached its LISTEN, the store fetched, and the processors
 * started at once. Also after the listening connection was killed: it reconnects by itself.
 */
class EventWakeUpTest {

    /** Far below the poll interval: only the notification path can meet it. */
    private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(3);
    private static final String QUERY_LISTENER = EventAppendListener.APPLICATION_NAME_PREFIX + "query-side";

    private static WakeUpApps apps;

    @BeforeAll
    static void start() {
        apps = new WakeUpApps("omniops_test_wake_", List.of(),
                List.of("--omniops.events.poll-interval-ms=60000"));
        apps.awaitProcessorsTailing();
    }

    @AfterAll
    static void stop() {
        apps.close();
    }

    @Test
    void anOrderIsVisibleOnTheQuerySideLongBeforeItsNextPoll() {
        assertThat(apps.backends(EventAppendNotifier.APPLICATION_NAME)).hasSize(1);
        assertThat(apps.backends(QUERY_LISTENER)).hasSize(1);

        String orderId = apps.placeOrder();

        await().atMost(WELL_BEFORE_THE_POLL).pollInterval(Duration.ofMillis(20))
                .until(() -> apps.visibleOnQuerySide(orderId));
    }

    @Test
    void theListenerReconnectsAfterLosingItsConnectionAndWakesTheQuerySideAgain() {
        List<Integer> before = apps.backends(QUERY_LISTENER);
        assertThat(before).hasSize(1);

        apps.terminate(before.getFirst());

        List<Integer> after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> apps.backends(QUERY_LISTENER), pids -> pids.size() == 1 && !pids.equals(before));
        String orderId = apps.placeOrder();
        await().atMost(WELL_BEFORE_THE_POLL).pollInterval(Duration.ofMillis(20))
                .until(() -> apps.visibleOnQuerySide(orderId));
        assertThat(apps.backends(QUERY_LISTENER)).isEqualTo(after);
    }
}
