package com.omniops.query.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A Server-Sent Events stream fed by polling a read model: its subscribers, one thread that runs the subclass's
 * rounds while anyone listens (any query node then streams what any processor wrote; nothing is polled for nobody)
 * and keep-alive comments on idle connections. Used by the alerts' stream and the channel feed's.
 */
public abstract class SsePoller<S extends SseSubscriber> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SsePoller.class);

    protected final Set<S> subscribers = ConcurrentHashMap.newKeySet();
    private final String name;
    private final Duration heartbeat;
    private volatile ScheduledExecutorService timer;

    protected SsePoller(String name, Duration heartbeat) {
        this.name = name;
        this.heartbeat = heartbeat;
    }

    /** A polling round and how often it runs. */
    public record Round(Runnable task, long periodMs) {
    }

    /** The rounds that look for something to send; each runs only while someone listens. */
    protected abstract List<Round> rounds();

    /** Registers {@code subscriber}; it is dropped once its stream ends. */
    protected S add(S subscriber) {
        subscriber.onClose(() -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        return subscriber;
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        for (Round round : rounds()) {
            schedule(executor, round.task(), round.periodMs());
        }
        schedule(executor, () -> subscribers.forEach(s -> s.keepAlive(heartbeat)),
                Math.max(1000, heartbeat.toMillis() / 3));
        timer = executor;
    }

    private void schedule(ScheduledExecutorService executor, Runnable task, long periodMs) {
        executor.scheduleWithFixedDelay(() -> {
            if (subscribers.isEmpty()) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                // the database may be away for a moment; the next round tries again
                log.warn("{} round failed: {}", name, e.toString());
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        subscribers.forEach(SseSubscriber::complete);
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
