package com.omniops.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Order placement load generator: sets up a catalogue through the REST API, places orders in a closed or an open loop
 * for a warm-up and a measured window, follows a sample of them to the query side, meters the processes, checks the
 * stock afterwards and reports (human-readable, then one JSON line). Options: {@link Options#USAGE}; the whole
 * comparison (fresh database, both apps, the PostgreSQL ceiling) is {@code benchmarks/run.sh}. With {@code load-history}
 * as first argument it runs the {@link com.omniops.bench.history.HistoryLoader} instead.
 */
public final class LoadGenerator {

    private static final long PROGRESS_SECONDS = 10;

    private LoadGenerator() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length > 0 && argv[0].equals("load-history")) { // benchmarks/run.sh --history=N
            com.omniops.bench.history.HistoryLoader.main(java.util.Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        if (argv.length > 0 && argv[0].equals("settlement-file")) { // issue 13: reading a settlement report
            com.omniops.bench.settlement.SettlementFileBenchmark.main(java.util.Arrays.copyOfRange(argv, 1,
                    argv.length));
            return;
        }
        if (argv.length > 0 && argv[0].equals("settlement-import")) { // issue 13: a report through the REST API
            com.omniops.bench.settlement.SettlementImportBenchmark.main(java.util.Arrays.copyOfRange(argv, 1,
                    argv.length));
            return;
        }
        if (argv.length > 0 && argv[0].equals("kpi-latency")) { // issue 14: KPI queries on a long history
            com.omniops.bench.kpi.KpiLatencyBenchmark.main(java.util.Arrays.copyOfRange(argv, 1, argv.length));
            return;
        }
        Options options = Options.parse(argv);
        Api api = new Api(options);
        Catalog catalog = Catalog.create(api, options);
        OrderFactory orders = new OrderFactory(catalog);

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long windowStart = start + TimeUnit.SECONDS.toNanos(options.warmup());
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.seconds());
        Outcomes outcomes = new Outcomes(windowStart, windowEnd, catalog.hotSku());
        ProjectionLag lag = new ProjectionLag(api, outcomes, options.lagSampleMillis());
        ProcessMeter meter = new ProcessMeter(options, api);
        AtomicReference<ProcessMeter.Result> processes = new AtomicReference<>();
        System.out.printf("Load: %s. Warm-up %d s (excluded from the figures), then %d s measured.%n",
                options.scenario(), options.warmup(), options.seconds());

        Thread window = Thread.ofPlatform().name("window").daemon().start(() -> {
            try {
                sleepUntil(windowStart);
                meter.start();
                System.out.printf("-- warm-up over after %d s; measuring --%n", options.warmup());
                sleepUntil(windowEnd);
                processes.set(meter.stop(options.seconds()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread progress = Thread.ofPlatform().name("progress").daemon().start(() -> progress(outcomes, start));
        lag.start();

        GeneratorHealth health = options.mode() == Options.Mode.CLOSED
                ? new ClosedLoop(api, orders, outcomes, options).run(windowEnd)
                : new OpenLoop(api, orders, outcomes, options).run(start, windowEnd);
        window.join();
        progress.interrupt();
        lag.stopSampling();
        System.out.println("-- load stopped; waiting for the read side to catch up --");
        long catchUp = lag.finish(outcomes.latest(), TimeUnit.MINUTES.toMillis(5));
        StockCheck.Result stock = StockCheck.run(api, catalog, outcomes, TimeUnit.MINUTES.toMillis(2));

        Report report = new Report(options, outcomes, lag, catchUp, health, processes.get(), stock);
        report.print();
        System.exit(stock.oversold() > 0 ? 3 : 0);
    }

    /** One line per interval so the reader sees when throughput and latency settle (how long warm-up needs). */
    private static void progress(Outcomes outcomes, long start) {
        long next = start + TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS);
        outcomes.progressInterval();
        try {
            while (true) {
                sleepUntil(next);
                var h = outcomes.progressInterval();
                System.out.printf("  t=%4d s %-9s %7.1f orders/s  p50 %7.1f  p99 %8.1f ms  errors %d%n",
                        TimeUnit.NANOSECONDS.toSeconds(next - start),
                        next <= outcomes.windowStart() ? "warm-up" : next <= outcomes.windowEnd() ? "measured" : "",
                        h.getTotalCount() / (double) PROGRESS_SECONDS, h.getValueAtPercentile(50) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0, outcomes.errorsSinceLastCall());
                next += TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
