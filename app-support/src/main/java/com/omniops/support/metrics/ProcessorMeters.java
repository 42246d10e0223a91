package com.omniops.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event processors of this node as meters, for Prometheus:
 * <ul>
 * <li>{@code omniops.processor.lag} (events) and {@code omniops.processor.position}: per processor and segment this
 * node processes, how far its token is behind the head of the stream, and where it is (a segment another node
 * claims is that node's to report, so the sum over nodes counts each segment once);</li>
 * <li>{@code omniops.processor.segment.error}: 1 while a segment is in error (Axon retries it with a back-off; the
 * read model it feeds is standing still), else 0;</li>
 * <li>{@code omniops.processor.dead.letters}: per processing group with a dead-letter queue, the sequences parked
 * in it (an aggregate's events wait behind its first dead letter until an admin retries or evicts it).</li>
 * </ul>
 * The values are read every {@code refresh} on a thread of their own (a read of the stream's head and one count per
 * dead-letter queue), not at each scrape, so a scrape never waits for the database; while the database is away the
 * last values stay and the refresh says so once in the log.
 */
public final class ProcessorMeters implements MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorMeters.class);

    private final EventProcessingConfiguration processing;
    private final LongSupplier head;
    private final Duration refresh;
    private final ScheduledExecutorService timer;
    private MultiGauge lag;
    private MultiGauge position;
    private MultiGauge segmentError;
    private MultiGauge deadLetters;
    private boolean failing;

    /**
     * @param head    the global index of the newest event in the stream (0 when it is empty)
     * @param refresh how often the values are read
     */
    public ProcessorMeters(EventProcessingConfiguration processing, LongSupplier head, Duration refresh) {
        this.processing = processing;
        this.head = head;
        this.refresh = refresh;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-meters");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        lag = MultiGauge.builder("omniops.processor.lag").baseUnit("events")
                .description("Events between the head of the stream and the segment's token (segments this node processes)")
                .register(registry);
        position = MultiGauge.builder("omniops.processor.position")
                .description("Global index of the last event the segment processed").register(registry);
        segmentError = MultiGauge.builder("omniops.processor.segment.error")
                .description("1 while the segment is in error and retried, else 0").register(registry);
        deadLetters = MultiGauge.builder("omniops.processor.dead.letters").baseUnit("sequences")
                .description("Sequences parked in the processing group's dead-letter queue").register(registry);
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refreshNow();
            if (failing) {
                log.info("Processor meters are read again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Processor meters cannot be read; they keep their last values until they can: {}",
                        e.toString());
                failing = true;
            }
        }
    }

    /** Reads every value now (the refresh thread does this every {@code refresh}). */
    public synchronized void refreshNow() {
        long headIndex = head.getAsLong();
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        List<MultiGauge.Row<?>> positions = new ArrayList<>();
        List<MultiGauge.Row<?>> errors = new ArrayList<>();
        List<MultiGauge.Row<?>> letters = new ArrayList<>();
        Map<String, EventProcessor> processors = new TreeMap<>(processing.eventProcessors());
        for (EventProcessor processor : processors.values()) {
            String name = processor.getName();
            if (processor instanceof StreamingEventProcessor streaming) {
                new TreeMap<>(streaming.processingStatus()).forEach((segment, status) -> {
                    Tags tags = Tags.of("processor", name, "segment", String.valueOf(segment));
                    OptionalLong at = status.getCurrentPosition();
                    // a segment that has processed nothing yet is as far behind as the stream is long
                    long segmentPosition = at.isPresent() ? at.getAsLong() : 0;
                    lags.add(MultiGauge.Row.of(tags, Math.max(0, headIndex - segmentPosition)));
                    positions.add(MultiGauge.Row.of(tags, segmentPosition));
                    errors.add(MultiGauge.Row.of(tags, status.isErrorState() ? 1 : 0));
                });
            }
            processing.deadLetterQueue(name).ifPresent(queue ->
                    letters.add(MultiGauge.Row.of(Tags.of("processor", name), queue.amountOfSequences())));
        }
        lag.register(lags, true);
        position.register(positions, true);
        segmentError.register(errors, true);
        deadLetters.register(letters, true);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
