package com.omniops.query.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client of a Server-Sent Events stream that a poller feeds (the alerts' and a channel feed's): its emitter, when
 * something was last sent (for keep-alive comments on an idle connection) and a send that drops a client that has
 * gone instead of failing the poller's round.
 */
public class SseSubscriber {

    /** A stream is closed after this long; the client reconnects with its Last-Event-ID and misses nothing. */
    public static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    private final Clock clock;
    private volatile Instant lastSent;
    private volatile boolean gone;

    public SseSubscriber(Clock clock) {
        this.clock = clock;
        this.lastSent = clock.instant();
    }

    public SseEmitter emitter() {
        return emitter;
    }

    /** Runs {@code closed} once the stream ends: completed, timed out or broken. */
    public void onClose(Runnable closed) {
        emitter.onCompletion(() -> {
            gone = true;
            closed.run();
        });
        emitter.onTimeout(() -> {
            gone = true;
            closed.run();
        });
        emitter.onError(e -> {
            gone = true;
            closed.run();
        });
    }

    /** False when the client has gone (the stream is then completed and its close action runs). */
    public synchronized boolean send(SseEmitter.SseEventBuilder event) {
        if (gone) {
            return false;
        }
        try {
            emitter.send(event);
            lastSent = clock.instant();
            return true;
        } catch (IOException | IllegalStateException e) {
            gone = true;
            emitter.completeWithError(e);
            return false;
        }
    }

    public boolean gone() {
        return gone;
    }

    /** A comment when nothing was sent for {@code heartbeat}, so proxies keep an idle connection open. */
    public void keepAlive(Duration heartbeat) {
        if (lastSent.isBefore(clock.instant().minus(heartbeat))) {
            send(SseEmitter.event().comment("keep-alive"));
        }
    }

    public void complete() {
        gone = true;
        emitter.complete();
    }
}
