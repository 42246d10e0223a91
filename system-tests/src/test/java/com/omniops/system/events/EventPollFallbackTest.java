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

/** With {@code omniops.events.notify.enabled=false} nothing listens or notifies, and the poll still delivers. */
class EventPollFallbackTest {

    private static WakeUpApps apps;

    @BeforeAll
    static void start() {
        apps = new WakeUpApps("omniops_test_poll_", List.of("--omniops.events.notify.enabled=false"),
                List.of("--omniops.events.notify.enabled=false", "--omniops.events.poll-interval-ms=300"));
    }

    @AfterAll
    static void stop() {
        apps.close();
    }

    @Test
    void withoutNotificationsTheQuerySideStillSeesEveryOrderByPolling() {
        assertThat(apps.querySide.getBeansOfType(EventAppendListener.class)).isEmpty();
        assertThat(apps.commandSide.getBeansOfType(EventAppendNotifier.class)).isEmpty();
        assertThat(apps.backends(EventAppendNotifier.APPLICATION_NAME)).isEmpty();
        assertThat(apps.backends(EventAppendListener.APPLICATION_NAME_PREFIX + "query-side")).isEmpty();

        List<String> orders = List.of(apps.placeOrder(), apps.placeOrder(), apps.placeOrder());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> orders.stream().allMatch(apps::visibleOnQuerySide));
    }
}
