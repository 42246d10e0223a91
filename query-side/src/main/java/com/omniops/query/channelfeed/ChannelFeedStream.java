package com.omniops.query.channelfeed;

import com.omniops.projections.channelfeed.ChannelFeedReadModel;
import com.omniops.query.config.ChannelFeedSettings;
import com.omniops.query.web.SsePoller;
import com.omniops.query.web.SseSubscriber;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The channel feed pushed as Server-Sent Events (GET /api/channels/{channel}/availability/stream): {@code ready}
 * once with the cursor the subscriber starts after; {@code change} for each change after it, in order, the event's
 * id being the cursor after that change (a client that reconnects sends it back as {@code Last-Event-ID} and misses
 * nothing); {@code resync} when the feed was rebuilt under the subscriber (the stream then ends: take a snapshot);
 * a comment now and then on an idle connection ({@link SsePoller}).
 */
@Component
public class ChannelFeedStream extends SsePoller<ChannelFeedStream.Subscriber> {

    private static final int BATCH = 200;

    private final ChannelFeedReadModel feed;
    private final ChannelFeedSettings settings;
    private final Clock clock;

    public ChannelFeedStream(ChannelFeedReadModel feed, ChannelFeedSettings settings, Clock clock) {
        super("channel-feed-stream", settings.streamHeartbeat());
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
    }

    final class Subscriber extends SseSubscriber {
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
        Subscriber subscriber = add(new Subscriber(channelId, after));
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

    @Override
    protected List<Round> rounds() {
        return List.of(new Round(this::sendChanges, settings.streamPollInterval().toMillis()));
    }
}
