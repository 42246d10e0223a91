package com.omniops.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** The run's figures: a human-readable block, then one JSON line ({@code RESULT-JSON {...}}) for scripts. */
final class Report {

    private final Options options;
    private final Outcomes outcomes;
    private final ProjectionLag lag;
    private final long catchUpMillis;
    private final GeneratorHealth health;
    private final ProcessMeter.Result processes;
    private final StockCheck.Result stock;

    Report(Options options, Outcomes outcomes, ProjectionLag lag, long catchUpMillis, GeneratorHealth health,
           ProcessMeter.Result processes, StockCheck.Result stock) {
        this.options = options;
        this.outcomes = outcomes;
        this.lag = lag;
        this.catchUpMillis = catchUpMillis;
        this.health = health;
        this.processes = processes;
        this.stock = stock;
    }

    double ordersPerSecond() {
        return outcomes.placed() / (double) options.seconds();
    }

    void print() throws JsonProcessingException {
        Histogram latency = outcomes.latency();
        Histogram lagMs = lag.lagMillis();
        long placed = outcomes.placed();
        System.out.println();
        System.out.println("=== Order placement through the REST API: " + options.scenario() + " ===");
        System.out.printf("warm-up            %d s (excluded); measured window %d s%n", options.warmup(),
                options.seconds());
        System.out.printf("throughput         %.1f orders/s  (%d placed: %d fully allocated, %d with backorders; "
                + "%d answered as existing)%n", ordersPerSecond(), placed, outcomes.created(),
                outcomes.backordered(), outcomes.existing());
        System.out.printf("latency ms         p50 %.1f  p95 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (%s)%n",
                pct(latency, 50) / 1000, pct(latency, 95) / 1000, pct(latency, 99) / 1000,
                pct(latency, 99.9) / 1000, latency.getMaxValue() / 1000.0,
                options.mode() == Options.Mode.OPEN ? "from the intended send time" : "service time, closed loop");
        System.out.printf("errors             %s%n", outcomes.errorCount() == 0 ? "none" : outcomes.errors());
        System.out.printf("projection lag ms  p50 %.0f  p95 %.0f  p99 %.0f  p99.9 %.0f  max %d  (%d samples, %d never "
                        + "seen; order board); the last order was visible %d ms after its answer%n",
                pct(lagMs, 50), pct(lagMs, 95), pct(lagMs, 99), pct(lagMs, 99.9), lagMs.getMaxValue(),
                lagMs.getTotalCount(), lag.unseen(), catchUpMillis);
        System.out.printf("generator          %s%n", health.describe());
        if (options.hotSku()) {
            System.out.printf("hot SKU            whole run: %d orders got it, %d backordered it, %d refused "
                            + "(INSUFFICIENT_STOCK); %d units reserved of %d received (read side: on hand %d, "
                            + "reserved %d)%n",
                    outcomes.hotOrdersPlaced(), outcomes.hotOrdersBackordered(), outcomes.hotOrdersRefused(),
                    outcomes.hotUnitsAllocated(), (long) options.hotStock() * options.warehouses(),
                    stock.hotOnHand(), stock.hotReserved());
        } else if (outcomes.backordered() > 0) {
            System.out.println("** stock ran dry: some orders were backordered (raise --stock) **");
        }
        System.out.printf("stock check        %s: %s (%d stock items)%n", stock.ok() ? "OK" : "FAILED", stock.note(),
                stock.items());
        if (processes != null) {
            System.out.printf("%-16s %10s %7s %12s %13s %14s%n", "process", "CPU s", "cores", "CPU ms/order",
                    "RSS peak MiB", "heap peak MiB");
            for (ProcessMeter.Usage u : processes.usages()) {
                System.out.printf("%-16s %10.1f %7.2f %12.2f %13d %14s%n", u.name(), u.cpuMillis() / 1000.0,
                        u.cpuMillis() / 1000.0 / options.seconds(), placed == 0 ? 0 : u.cpuMillis() / (double) placed,
                        u.rssPeakKib() / 1024, u.heapPeakBytes() < 0 ? "-" : u.heapPeakBytes() / (1024 * 1024));
            }
            System.out.printf("machine            %.2f of %d cores busy over the window; %.2f of them outside the "
                    + "processes above%n", processes.machineBusyCores(), processes.cores(), processes.otherBusyCores());
        }
        System.out.println("RESULT-JSON " + Api.JSON.writeValueAsString(json(latency, lagMs)));
    }

    private Map<String, Object> json(Histogram latency, Histogram lagMs) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("label", options.label());
        j.put("mode", options.mode().name().toLowerCase());
        j.put("threads", options.mode() == Options.Mode.CLOSED ? options.threads() : null);
        j.put("offeredRate", options.mode() == Options.Mode.OPEN ? options.rate() : null);
        j.put("skus", options.skus());
        j.put("warehouses", options.warehouses());
        j.put("hotSku", options.hotSku());
        j.put("warmupSeconds", options.warmup());
        j.put("measuredSeconds", options.seconds());
        j.put("ordersPerSecond", round(ordersPerSecond()));
        j.put("placed", outcomes.placed());
        j.put("backordered", outcomes.backordered());
        j.put("errors", outcomes.errors());
        j.put("latencyMs", percentiles(latency, 1000.0));
        j.put("projectionLagMs", percentiles(lagMs, 1.0));
        j.put("lagSamplesUnseen", lag.unseen());
        j.put("catchUpMs", catchUpMillis);
        j.put("generatorFellBehind", health.fellBehind());
        j.put("generator", health);
        if (options.hotSku()) {
            j.put("hot", Map.of("ordersWithIt", outcomes.hotOrdersPlaced(), "backordered",
                    outcomes.hotOrdersBackordered(), "refused", outcomes.hotOrdersRefused(),
                    "unitsReserved", outcomes.hotUnitsAllocated(), "unitsReceived",
                    (long) options.hotStock() * options.warehouses()));
        }
        j.put("stockCheck", stock);
        if (processes != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            for (ProcessMeter.Usage u : processes.usages()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("cpuMs", u.cpuMillis());
                one.put("cores", round(u.cpuMillis() / 1000.0 / options.seconds()));
                one.put("cpuMsPerOrder", outcomes.placed() == 0 ? null : round(u.cpuMillis() / (double) outcomes.placed()));
                one.put("processes", u.processes());
                one.put("rssPeakMiB", u.rssPeakKib() / 1024);
                one.put("heapPeakMiB", u.heapPeakBytes() < 0 ? null : u.heapPeakBytes() / (1024 * 1024));
                one.put("heapEndMiB", u.heapEndBytes() < 0 ? null : u.heapEndBytes() / (1024 * 1024));
                p.put(u.name(), one);
            }
            j.put("processes", p);
            j.put("machineBusyCores", round(processes.machineBusyCores()));
            j.put("otherBusyCores", round(processes.otherBusyCores()));
        }
        return j;
    }

    private static Map<String, Object> percentiles(Histogram h, double unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", round(pct(h, 50) / unit));
        m.put("p95", round(pct(h, 95) / unit));
        m.put("p99", round(pct(h, 99) / unit));
        m.put("p99.9", round(pct(h, 99.9) / unit));
        m.put("max", round(h.getMaxValue() / unit));
        m.put("count", h.getTotalCount());
        return m;
    }

    private static double pct(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
