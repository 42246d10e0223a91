package com.omniops.support.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The availability callbacks of the open streams of one {@link WakeableEventStore}. Streams open and close rarely
 * (processor start, segment claims, replays), events arrive often: a copy-on-write list makes {@link #fire()} a plain
 * iteration. Each callback is a coordinator's "schedule me now", which does nothing when it is already scheduled.
 */
final class ArrivalCallbacks {

    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

    void add(Runnable callback) {
        callbacks.add(callback);
    }

    void remove(Runnable callback) {
        callbacks.remove(callback);
    }

    void fire() {
        for (Runnable callback : callbacks) {
            callback.run();
        }
    }
}
