package com.omniops.command.demo;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the demo load stands, for people and scripts: {@code GET /actuator/info} (ADMIN) shows it under {@code demo}
 * as {@code state} (WAITING, LOADING, LOADED, INTERRUPTED, FAILED, LOADING_ELSEWHERE), {@code day} of {@code days},
 * {@code events} in the store, {@code ordersPlaced}, and a {@code message} saying what to do when it is not loaded.
 */
@Component
@Profile("demo")
public class DemoLoadProgress implements InfoContributor {

    public enum State { WAITING, LOADING, LOADED, INTERRUPTED, FAILED, LOADING_ELSEWHERE }

    private volatile State state = State.WAITING;
    private volatile int day;
    private volatile int days;
    private volatile long events;
    private volatile Integer ordersPlaced;
    private volatile Instant startedAt;
    private volatile Instant completedAt;
    private volatile String message;

    void set(State state, String message) {
        this.state = state;
        this.message = message;
    }

    void loading(int days, Instant startedAt) {
        this.days = days;
        this.startedAt = startedAt;
        this.state = State.LOADING;
    }

    void day(int day, long events) {
        this.day = day;
        this.events = events;
    }

    void loaded(int days, Integer ordersPlaced, Instant startedAt, Instant completedAt, long events) {
        this.days = days;
        this.day = days;
        this.ordersPlaced = ordersPlaced;
        this.startedAt = startedAt;
        this.completedAt = completedAt;
        this.events = events;
        this.state = State.LOADED;
    }

    public State state() {
        return state;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("state", state);
        demo.put("day", day);
        demo.put("days", days);
        demo.put("events", events);
        if (ordersPlaced != null) {
            demo.put("ordersPlaced", ordersPlaced);
        }
        if (startedAt != null) {
            demo.put("startedAt", startedAt.toString());
        }
        if (completedAt != null) {
            demo.put("completedAt", completedAt.toString());
        }
        if (message != null) {
            demo.put("message", message);
        }
        builder.withDetail("demo", demo);
    }
}
