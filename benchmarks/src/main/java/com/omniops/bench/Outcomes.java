package com.omniops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every placement's outcome. A request belongs to the measured window when its intended send time lies in it (in the
 * closed loop the intended time is the actual one); latency runs from that intended time to the response, so an open
 * loop's figures include the time a request waited because the system (or the generator) was behind.
 */
final class Outcomes {

    /** A placed order the projection-lag follower may pick: its id and when its 201 arrived. */
    record Placed(String orderId, long respondedNanos) {
    }

    private final long windowStart;
    private final long windowEnd;
    private final String hotSku;
    private final Histogram latency = new Histogram(3);            // µs, placements in the window
    private final Recorder progress = new Recorder(3);             // µs, every placement, reset per progress line
    private final LongAdder created = new LongAdder();             // 201, fully allocated, in the window
    private final LongAdder backordered = new LongAdder();         // 201 with backorders, in the window
    private final LongAdder existing = new LongAdder();            // 200: the reference was placed before
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder errorsInterval = new LongAdder();
    // Whole run (warm-up included): what the stock check compares the stock with.
    private final LongAdder placedTotal = new LongAdder();
    private final LongAdder unitsAllocated = new LongAdder();
    private final LongAdder hotUnitsAllocated = new LongAdder();
    private final LongAdder hotOrdersPlaced = new LongAdder();
    private final LongAdder hotOrdersBackordered = new LongAdder();
    private final LongAdder hotOrdersRefused = new LongAdder();
    private final AtomicReference<Placed> latest = new AtomicReference<>();

    Outcomes(long windowStart, long windowEnd, String hotSku) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.hotSku = hotSku;
    }

    boolean inWindow(long nanos) {
        return nanos >= windowStart && nanos < windowEnd;
    }

    long windowStart() {
        return windowStart;
    }

    long windowEnd() {
        return windowEnd;
    }

    void record(long intended, HttpResponse<String> response, Throwable failure) {
        long now = System.nanoTime();
        boolean counted = inWindow(intended);
        if (failure != null || response == null) {
            Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
            error(counted, "IO " + (cause == null ? "no response" : cause.getClass().getSimpleName()));
            return;
        }
        int status = response.statusCode();
        if (status != 201 && status != 200) {
            String code = Api.parse(response.body()).path("code").asText("");
            error(counted, status + (code.isEmpty() ? "" : " " + code));
            if (hotSku != null && status == 422 && code.equals("INSUFFICIENT_STOCK")) {
                hotOrdersRefused.increment();
            }
            return;
        }
        JsonNode body = Api.parse(response.body());
        boolean short_ = body.path("backorders").size() > 0;
        long micros = Math.max(1, (now - intended) / 1000);
        progress.recordValue(micros);
        if (status == 201) {
            placedTotal.increment();
            latest.set(new Placed(body.path("orderId").asText(), now));
            for (JsonNode allocation : body.path("allocations")) {
                unitsAllocated.add(allocation.path("quantity").asLong());
            }
            if (hotSku != null) {
                countHot(body);
            }
        }
        if (counted) {
            synchronized (latency) {
                latency.recordValue(micros);
            }
            (status == 200 ? existing : short_ ? backordered : created).increment();
        }
    }

    private void countHot(JsonNode body) {
        long units = 0;
        for (JsonNode allocation : body.path("allocations")) {
            if (hotSku.equals(allocation.path("sku").asText())) {
                units += allocation.path("quantity").asLong();
            }
        }
        hotUnitsAllocated.add(units);
        boolean hotShort = false;
        for (JsonNode backorder : body.path("backorders")) {
            hotShort |= hotSku.equals(backorder.path("sku").asText());
        }
        (hotShort ? hotOrdersBackordered : hotOrdersPlaced).increment();
    }

    private void error(boolean counted, String key) {
        errorsInterval.increment();
        if (counted) {
            errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
    }

    Placed latest() {
        return latest.get();
    }

    /** Placements (201) in the window: fully allocated plus backordered. */
    long placed() {
        return created.sum() + backordered.sum();
    }

    long created() {
        return created.sum();
    }

    long backordered() {
        return backordered.sum();
    }

    long existing() {
        return existing.sum();
    }

    long placedTotal() {
        return placedTotal.sum();
    }

    Map<String, Long> errors() {
        Map<String, Long> copy = new TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Histogram latency() {
        synchronized (latency) {
            return latency.copy();
        }
    }

    /** Since the previous call: every response's latency (warm-up included) and the number of errors. */
    Histogram progressInterval() {
        return progress.getIntervalHistogram();
    }

    long errorsSinceLastCall() {
        return errorsInterval.sumThenReset();
    }

    /** Units the 201 answers of the whole run said were reserved. */
    long unitsAllocated() {
        return unitsAllocated.sum();
    }

    long hotUnitsAllocated() {
        return hotUnitsAllocated.sum();
    }

    long hotOrdersPlaced() {
        return hotOrdersPlaced.sum();
    }

    long hotOrdersBackordered() {
        return hotOrdersBackordered.sum();
    }

    long hotOrdersRefused() {
        return hotOrdersRefused.sum();
    }
}
