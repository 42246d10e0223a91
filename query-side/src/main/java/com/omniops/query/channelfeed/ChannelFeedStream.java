package com.omniops.query.channelfeed;

import com.omniops.projections.channelfeed.ChannelFeedReadModel;
import com.omniops.query.config.ChannelFeedSettings;
import com.omniops.query.web.SseSubscriber;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The channel feed pushed as Server-Sent Events (GET /api/channels/{channel}/availability/stream): {@code ready}
 * once with the cursor the subscriber starts after; {@code change} for each change after it, in order, the event's
 * id being the cursor after that change (a client that reconnects sends it back as {@code Last-Event-ID} and misses
 * nothing); {@code resync} when the feed was rebuilt under the subscriber (the stream then ends: take a snapshot);
 * a comment now and then on an idle connection. One thread polls the read model for every subscriber while anyone
 * listens, so any query node streams what the processor wrote.
 */
@Component
public class ChannelFeedStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelFeedStream.class);
    private static final int BATCH = 200;

    private final ChannelFeedReadModel feed;
    private final ChannelFeedSettings settings;
    private final Clock clock;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    public ChannelFeedStream(ChannelFeedReadModel feed, ChannelFeedSettings settings, Clock clock) {
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
    }

    private final class Subscriber extends SseSubscriber {
        final String channelId;
        volatile FeedCursor cursor;

        Subscriber(String channelId, FeedCursor cursor) {
            super(clock);
            this.channelId = channelId;
            this.cursor = cursor;
        }
    }

    /** A new subscriber that receives the channel's changes after {@code after}. */
    SseEmitter subscribe(String channelId, FeedCursor after) {
        Subscriber subscriber = new Subscriber(channelId, after);
        subscriber.onClose(() -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        subscriber.send(SseEmitter.event().name("ready").data(Map.of("channel", channelId, "cursor",
                after.toString()), MediaType.APPLICATION_JSON));
        return subscriber.emitter();
    }

    void sendChanges() {
        for (Subscriber subscriber : subscribers) {
            while (!subscriber.gone()) {
                FeedCursor cursor = subscriber.cursor;
                Optional<ChannelFeedReadModel.Changes> changes = feed.changes(subscriber.channelId,
                        cursor.changeNo(), BATCH);
                if (changes.isEmpty() || changes.get().epoch() != cursor.epoch()) {
                    subscriber.send(SseEmitter.event().name("resync").data(Map.of("detail", "The channel feed was "
                            + "rebuilt: take a snapshot (GET /api/channels/" + subscriber.channelId
                            + "/availability/snapshot) and continue from its cursor."), MediaType.APPLICATION_JSON));
                    subscriber.complete();
                    break;
                }
                for (ChannelFeedReadModel.Change change : changes.get().changes()) {
                    FeedCursor next = new FeedCursor(cursor.epoch(), change.changeNo());
                    if (!subscriber.send(SseEmitter.event().name("change").id(next.toString())
                            .data(change, MediaType.APPLICATION_JSON))) {
                        break;
                    }
                    subscriber.cursor = next;
                }
                if (changes.get().changes().size() < BATCH) {
                    break;
                }
            }
        }
    }

    void keepAlive() {
        subscribers.forEach(s -> s.keepAlive(settings.streamHeartbeat()));
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "channel-feed-stream");
            thread.setDaemon(true);
            return thread;
        });
        schedule(executor, this::sendChanges, settings.streamPollInterval().toMillis());
        schedule(executor, this::keepAlive, Math.max(1000, settings.streamHeartbeat().toMillis() / 3));
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
                log.warn("Channel feed stream round failed: {}", e.toString());
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
