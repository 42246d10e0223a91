package com.omniops.support.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * LISTENs on {@link EventNotifyConnection#CHANNEL} on a connection of its own and, on each notification, has the
 * event store fetch at once ({@link WakeableEventStore#fetchNow()}) instead of at its next poll. Notifications only
 * shorten the wait: the store keeps polling, so a lost one, or a lost connection, costs at most one poll interval.
 * <p>
 * One thread blocks in {@code getNotifications} with a timeout (no query is sent while waiting) and checks the
 * connection when nothing arrived for a while. When the connection breaks (database restart, terminated backend) it
 * says so once, reconnects with a growing pause ({@link Backoff}), says once that it listens again, and fetches once
 * to cover what was committed meanwhile.
 */
public final class EventAppendListener implements SmartLifecycle {

    /** The application name of the listening connection in {@code pg_stat_activity}: this, then the app's role. */
    public static final String APPLICATION_NAME_PREFIX = "omniops-event-listener ";

    private static final Logger log = LoggerFactory.getLogger(EventAppendListener.class);
    private static final int WAIT_MS = 1_000;
    private static final int CHECK_AFTER_IDLE_ROUNDS = 30;

    private final EventNotifyConnection target;
    private final String applicationName;
    private final Runnable onAppend;
    private final IntSupplier ownNotifierPid;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile Connection connection;
    private volatile Thread thread;

    /**
     * @param role           which app listens ({@code query-side}, {@code command-side}), for its connection's name
     * @param onAppend       what a notification triggers (the store's {@code fetchNow})
     * @param ownNotifierPid the backend pid whose notifications to ignore (this app's own {@link EventAppendNotifier},
     *                       whose events its store has already seen), or -1
     */
    public EventAppendListener(EventNotifyConnection target, String role, Runnable onAppend,
                               IntSupplier ownNotifierPid) {
        this.target = target;
        this.applicationName = APPLICATION_NAME_PREFIX + role;
        this.onAppend = onAppend;
        this.ownNotifierPid = ownNotifierPid;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "event-append-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread listening;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            listening = thread;
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        Connection current = connection;
        if (current != null) {
            try {
                // abort, not close: close would wait for the read in getNotifications to time out
                current.abort(Runnable::run);
            } catch (SQLException e) {
                log.debug("Closing the LISTEN connection failed", e);
            }
        }
        try {
            listening.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Backoff backoff = new Backoff();
        boolean failing = false;
        while (running) {
            try (Connection listening = target.open(applicationName)) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + EventNotifyConnection.CHANNEL);
                }
                if (failing) {
                    log.info("Listening for appended events again; the event store fetches on notification");
                    failing = false;
                }
                backoff.reset();
                onAppend.run();
                receive(listening.unwrap(PGConnection.class), listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!failing) {
                    log.warn("Lost the connection that listens for appended events ({}); the read models see new "
                            + "events at the next poll until it is back. Reconnecting with backoff.", e.getMessage());
                    failing = true;
                }
                pause(backoff.next());
            } finally {
                connection = null;
            }
        }
    }

    private void receive(PGConnection listening, Connection connection) throws SQLException {
        int idleRounds = 0;
        while (running) {
            PGNotification[] notifications = listening.getNotifications(WAIT_MS);
            if (notifications != null && notifications.length > 0) {
                idleRounds = 0;
                if (anyFromOthers(notifications)) {
                    onAppend.run();
                }
            } else if (++idleRounds >= CHECK_AFTER_IDLE_ROUNDS) {
                // A vanished server without a closed socket shows up only when something is sent.
                idleRounds = 0;
                if (!connection.isValid(5)) {
                    throw new SQLException("the LISTEN connection no longer answers");
                }
            }
        }
    }

    private boolean anyFromOthers(PGNotification[] notifications) {
        int own = ownNotifierPid.getAsInt();
        for (PGNotification notification : notifications) {
            if (notification.getPID() != own) {
                return true;
            }
        }
        return false;
    }

    private void pause(long millis) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }
}
