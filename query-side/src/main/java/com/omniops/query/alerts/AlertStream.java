package com.omniops.query.alerts;

import com.omniops.projections.alerts.AlertsReadModel;
import com.omniops.projections.alerts.AlertsReadModel.AlertView;
import com.omniops.query.admin.TokenPositions;
import com.omniops.query.config.AlertSettings;
import com.omniops.query.web.SsePoller;
import com.omniops.query.web.SseSubscriber;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of {@code GET /api/alerts/stream}: Server-Sent Events to every subscriber.
 * <ul>
 *   <li>{@code ready} once, with the position the subscriber starts after;</li>
 *   <li>{@code alert} for each alert that changed after its position, in the order they changed, the event's id
 *       being the alert's {@code changeNo}: a browser that reconnects sends it back as {@code Last-Event-ID} and
 *       misses nothing;</li>
 *   <li>{@code figures} when the KPI or availability read models have moved on, so a page refreshes its figures;</li>
 *   <li>a comment now and then on an idle connection, so proxies keep it open.</li>
 * </ul>
 * One thread polls the alerts read model (an index lookup on {@code change_no}) while anyone listens, so any query
 * node streams what any processor wrote; nothing is polled without subscribers.
 */
@Component
public class AlertStream extends SsePoller<AlertStream.Subscriber> {

    private static final int BATCH = 200;
    /** Whose positions say that the dashboard's figures have moved on. */
    private static final List<String> FIGURE_PROCESSORS = List.of("kpis", "availability");

    private final AlertsReadModel alerts;
    private final TokenPositions tokens;
    private final DSLContext dsl;
    private final AlertSettings settings;
    private final Clock clock;
    private volatile long figures = -1;

    public AlertStream(AlertsReadModel alerts, TokenPositions tokens, DSLContext dsl, AlertSettings settings,
                       Clock clock) {
        super("alert-stream", settings.streamHeartbeat());
        this.alerts = alerts;
        this.tokens = tokens;
        this.dsl = dsl;
        this.settings = settings;
        this.clock = clock;
    }

    final class Subscriber extends SseSubscriber {
        volatile long cursor;

        Subscriber(long cursor) {
            super(clock);
            this.cursor = cursor;
        }
    }

    /** A new subscriber that receives the changes after {@code after} (a {@code changeNo}). */
    public SseEmitter subscribe(long after) {
        Subscriber subscriber = add(new Subscriber(after));
        subscriber.send(SseEmitter.event().name("ready").data(Map.of("after", after), MediaType.APPLICATION_JSON));
        return subscriber.emitter();
    }

    void sendChangedAlerts() {
        if (subscribers.isEmpty()) {
            return;
        }
        long latest = alerts.latestChange();
        for (Subscriber subscriber : subscribers) {
            while (subscriber.cursor < latest) {
                List<AlertView> changed = alerts.changedAfter(subscriber.cursor, BATCH);
                if (changed.isEmpty()) {
                    break;
                }
                for (AlertView alert : changed) {
                    if (!subscriber.send(SseEmitter.event().name("alert").id(Long.toString(alert.changeNo()))
                            .data(alert, MediaType.APPLICATION_JSON))) {
                        break;
                    }
                    subscriber.cursor = alert.changeNo();
                }
                if (subscriber.gone()) {
                    break;
                }
            }
        }
    }

    void sendMovedFigures() {
        if (subscribers.isEmpty()) {
            return;
        }
        long position = 0;
        for (String processor : FIGURE_PROCESSORS) {
            for (TokenPositions.StoredToken stored : tokens.read(dsl, processor)) {
                if (stored.token() != null) {
                    position += stored.token().position().orElse(0);
                }
            }
        }
        long previous = figures;
        figures = position;
        if (previous >= 0 && position != previous) {
            Map<String, Long> moved = Map.of("position", position);
            subscribers.forEach(s -> s.send(SseEmitter.event().name("figures").data(moved,
                    MediaType.APPLICATION_JSON)));
        }
    }

    @Override
    protected List<Round> rounds() {
        return List.of(new Round(this::sendChangedAlerts, settings.streamPollInterval().toMillis()),
                new Round(this::sendMovedFigures, settings.figuresPollInterval().toMillis()));
    }
}
