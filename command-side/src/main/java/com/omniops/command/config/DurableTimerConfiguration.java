package com.omniops.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Durable timers: db-scheduler on the command side's PostgreSQL (table {@code scheduled_tasks}), under Axon's
 * {@code DbSchedulerDeadlineManager}, which Axon's auto-configuration builds as soon as this {@link Scheduler} exists
 * and whose task is among {@code tasks}. A deadline is a row, written in the transaction of the command that
 * schedules it (the data source joins Spring's transaction, and db-scheduler leaves the commit to it), so it survives
 * restarts and is never scheduled for a command that rolled back; any node polls the table and one fires it.
 * <p>
 * "Due" is judged by the injected {@link Clock}, like every other instant here: tests move it to make an order late,
 * and the demo's simulated clock fires the deadlines of its simulated past as it passes them. db-scheduler also times
 * its wait between two polls with that clock, so a clock set back (the demo going back 90 days, a test taking back
 * the days it moved forward) would make it wait until the clock had caught up again; the poll is therefore also
 * woken on the real clock, every poll interval.
 */
@Configuration(proxyBeanMethods = false)
public class DurableTimerConfiguration {

    @Bean(destroyMethod = "")
    public Scheduler durableTimers(DataSource dataSource, List<Task<?>> tasks, Clock clock, AlertSettings settings) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName("scheduled_tasks")
                .clock(clock::instant)
                .pollingInterval(settings.timerPollInterval())
                .threads(settings.timerThreads())
                .commitWhenAutocommitDisabled(false)
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Starts polling once everything else has started (deadlines load aggregates) and stops first on shutdown. */
    @Bean
    public SmartLifecycle durableTimersLifecycle(Scheduler scheduler, AlertSettings settings) {
        return new SmartLifecycle() {
            private volatile boolean running;
            private ScheduledExecutorService wakeUps;

            @Override
            public void start() {
                scheduler.start();
                long every = settings.timerPollInterval().toMillis();
                wakeUps = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "durable-timer-wake-up");
                    thread.setDaemon(true);
                    return thread;
                });
                wakeUps.scheduleWithFixedDelay(scheduler::triggerCheckForDueExecutions, every, every,
                        TimeUnit.MILLISECONDS);
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                wakeUps.shutdownNow();
                scheduler.stop();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1;
            }
        };
    }
}
