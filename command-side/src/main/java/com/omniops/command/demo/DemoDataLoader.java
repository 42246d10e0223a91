package com.omniops.command.demo;

import com.omniops.command.config.DemoSettings;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.settlement.importing.SettlementImporter;
import com.omniops.command.stock.StockItem;
import com.omniops.support.security.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Repository;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Loads the demo merchant on first start (profile {@code demo}): four channels, two warehouses and a 3PL, 100 home
 * products, and about three months of orders with their payments and fees, shipments, deliveries, cancellations
 * (refunded), returns (inspected into every disposition, refunded) and replenishments. It drives the
 * {@link DemoClock} through the simulated months, so every event carries a past business instant and the dashboard
 * shows real trends. It sends ordinary commands: everything it creates went through the same rules as live traffic.
 * <p>
 * The simulation is in parts that share one {@link DemoRun}: {@link DemoMasterData} (channels, products,
 * suppliers, opening stock, reorder rules), {@link DemoOrders} (each day's orders and their fulfilment),
 * {@link DemoRefunds} (cancellations' refunds, returns), {@link DemoPurchasing} (weekly purchase orders) and
 * {@link DemoStockkeeping} (cycle counts, transfers). This class starts it, drives its steps in time order and records
 * how far it got.
 * <p>
 * It runs on a thread of its own once the app is ready, so readiness never waits for it; it logs a progress line per
 * simulated day and records its start, progress and completion in {@code demo_load} ({@link DemoLoadRecord}). A load
 * that did not complete (the process was killed or stopped half way) is detected on the next start and reported,
 * never taken as loaded; it is not resumed (order ids are random and the policies react concurrently, so a resumed
 * run could not repeat the first one): the demo database is recreated ({@code ./run.sh --reset-demo}) instead.
 */
@Component
@Profile("demo")
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String LOADER = "demo-loader";

    private final CommandGateway commands;
    private final SettlementImporter importer;
    private final DemoClock clock;
    private final ProductCatalog catalog;
    private final Repository<StockItem> stockItems;
    private final int days;
    private final int ordersPerDay;
    private final long seed;
    private final DemoLoadRecord record;
    private final DemoLoadProgress progress;
    private volatile boolean stopping;
    private volatile Thread worker;
    private volatile int currentDay;
    /** The load under way (null before it starts): what the progress lines report. */
    private volatile DemoRun run;
    private DemoBooks books;
    private int refusedSteps;

    public DemoDataLoader(CommandGateway commands, SettlementImporter importer, DemoClock clock,
                          ProductCatalog catalog, Repository<StockItem> stockItems, DataSource dataSource,
                          DSLContext dsl, DemoLoadProgress progress, DemoSettings settings) {
        this.commands = commands;
        this.importer = importer;
        this.clock = clock;
        this.catalog = catalog;
        this.stockItems = stockItems;
        this.days = settings.days();
        this.ordersPerDay = settings.ordersPerDay();
        this.seed = settings.seed();
        this.record = new DemoLoadRecord(dataSource, dsl);
        this.progress = progress;
    }

    /** Starts the load in the background once the app is ready (health readiness is UP by then). */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Thread thread = new Thread(this::loadIfNeeded, "demo-loader");
        thread.setDaemon(true); // a stop mid-load leaves an incomplete record, which the next start reports
        worker = thread;
        thread.start();
    }

    /** A graceful stop ends the load between two steps; it stays incomplete and the next start says so. */
    @EventListener(ContextClosedEvent.class)
    public void stop() throws InterruptedException {
        stopping = true;
        Thread thread = worker;
        if (thread != null && thread != Thread.currentThread()) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    void loadIfNeeded() {
        try {
            boolean locked = record.tryLock();
            try {
                Optional<DemoLoadRecord.Row> row = record.read();
                switch (DemoLoadRecord.decide(locked, row, catalog.exists("HOME-001"))) {
                    case LOAD -> load();
                    case ALREADY_LOADED -> {
                        DemoLoadRecord.Row done = row.orElseThrow();
                        progress.loaded(done.days(), done.ordersPlaced(), done.startedAt(), done.completedAt(),
                                record.events());
                        log.info("Demo data is already loaded (completed {}); nothing to do.", done.completedAt());
                    }
                    case LOADED_WITHOUT_RECORD -> {
                        progress.loaded(days, null, null, null, record.events());
                        log.info("Demo data is already loaded (by a version that kept no load record); nothing to do.");
                    }
                    case INTERRUPTED -> {
                        DemoLoadRecord.Row half = row.orElseThrow();
                        String message = "The demo load started at " + half.startedAt() + " stopped at day "
                                + half.progressDay() + " of " + half.days() + (half.failure() == null ? ""
                                : " (" + half.failure() + ")") + " and never completed: the demo data is incomplete."
                                + " Recreate the database to load it again: ./run.sh --reset-demo";
                        progress.set(DemoLoadProgress.State.INTERRUPTED, message);
                        log.error("Demo data load INTERRUPTED: {}", message);
                    }
                    case LOADING_ELSEWHERE -> {
                        progress.set(DemoLoadProgress.State.LOADING_ELSEWHERE, "another command-side node is loading");
                        log.info("Demo data is being loaded by another command-side node; nothing to do here.");
                    }
                }
            } finally {
                record.release();
            }
        } catch (RuntimeException | java.sql.SQLException e) {
            if (stopping) {
                log.warn("Demo data load stopped with the app at day {} of {}; the next start reports it as "
                        + "interrupted.", currentDay, days);
                return;
            }
            progress.set(DemoLoadProgress.State.FAILED, String.valueOf(e.getMessage()));
            try {
                record.failed(e.toString());
            } catch (RuntimeException ignored) {
                // the database may be what failed; the missing completion says enough
            }
            log.error("Demo data load failed at day {} of {}: {}", currentDay, days, e.toString(), e);
        }
    }

    private void load() {
        record.started(seed, days, ordersPerDay);
        progress.loading(days, clock.wallInstant());
        log.info("Demo data: loading {} days of history in the background (progress per simulated day below)", days);
        DemoRun run = new DemoRun(commands, clock, seed);
        this.run = run;
        DemoRun.actAs(LOADER, Role.SYSTEM);
        long started = System.nanoTime();
        Instant end = clock.wallInstant().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(days));
        try {
            clock.set(start.minus(Duration.ofDays(1)));
            List<DemoCatalog.Item> items = DemoCatalog.items();
            DemoMasterData masterData = new DemoMasterData(run);
            List<DemoChannel> channels = masterData.setUpChannels(items);
            masterData.registerSuppliers();
            masterData.openingStock(items);
            log.info("Demo data: catalogue, channels, suppliers and opening stock done, {} events", record.events());
            DemoStockkeeping stockkeeping = new DemoStockkeeping(run, stockItems);
            DemoOrders orders = new DemoOrders(run, new DemoRefunds(run), items, channels,
                    end.minus(Duration.ofDays(30)));
            long sequence = scheduleDays(run, items, orders, stockkeeping, start);
            // the last evening, a best seller runs low on the Amazon marketplace (the low-stock alert)
            run.schedule(end.minus(Duration.ofHours(3)), sequence++, () -> orders.sellOutOnMarketplace("MKT-AMAZON",
                    DemoMasterData.AMAZON_WAREHOUSES, DemoMasterData.AMAZON_SAFETY_BUFFER, stockkeeping::available));
            run.settlements = new DemoSettlements(run, importer);
            sequence = run.settlements.schedule(start, end, sequence);
            books = new DemoBooks(run, stockkeeping);
            books.schedule(start.minus(Duration.ofDays(1)), end, sequence);
            while (run.hasSteps()) {
                if (stopping) {
                    throw new IllegalStateException("the app is stopping");
                }
                DemoRun.Step step = run.nextStep();
                if (step.at().isAfter(end)) {
                    break; // what would happen after "now" has simply not happened yet
                }
                int day = (int) Math.min(days, Duration.between(start, step.at()).toDays() + 1);
                if (day > currentDay) {
                    reportDay(day - 1);
                    currentDay = day;
                }
                clock.set(step.at());
                try {
                    step.action().run();
                } catch (BusinessRuleViolation refused) {
                    // the simulation guessed wrong (e.g. about stock); the rules said no, as they would live
                    log.debug("Demo step refused: {}", refused.getMessage());
                    refusedSteps++;
                }
            }
            clock.set(end);
            masterData.setReorderRules(items);
        } finally {
            clock.release();
            SecurityContextHolder.clearContext();
        }
        reportDay(days);
        record.completed(run.placed);
        DemoLoadRecord.Row done = record.read().orElseThrow();
        progress.loaded(days, run.placed, done.startedAt(), done.completedAt(), record.events());
        log.info("Demo data loaded in {} s: 100 products, 4 channels, 3 warehouses, {} orders placed (and paid), {} "
                        + "refused for lack of stock, {} returns, {} refunds, {} settlements and payouts imported, {} "
                        + "months closed, {} commands ({} refused).",
                (System.nanoTime() - started) / 1_000_000_000, run.placed, run.rejected, run.returns, run.refunds,
                run.settlements.imported, books.closed, run.commandsSent, refusedSteps);
    }

    /**
     * Schedules the whole history up front, day by day: the day's orders, weekly purchasing, a cycle count every two
     * weeks and now and then a transfer. Weekends sell more on the web; demand grows slowly over the quarter so the
     * trend lines move.
     */
    private long scheduleDays(DemoRun run, List<DemoCatalog.Item> items, DemoOrders orders,
                              DemoStockkeeping stockkeeping, Instant start) {
        DemoPurchasing purchasing = new DemoPurchasing(run);
        long sequence = 0;
        for (int day = 0; day < days; day++) {
            Instant dayStart = start.plus(Duration.ofDays(day));
            int weekday = LocalDate.ofInstant(dayStart, ZoneOffset.UTC).getDayOfWeek().getValue();
            double factor = (weekday >= 6 ? 1.25 : 1.0) * (0.85 + 0.3 * day / Math.max(1, days));
            int count = (int) Math.round(ordersPerDay * factor * (0.8 + run.random.nextDouble() * 0.4));
            sequence = orders.scheduleDay(dayStart, count, sequence);
            if (day % 7 == 6) {
                run.schedule(dayStart.plusSeconds(6 * 3600), sequence++, () -> purchasing.replenish(items));
            }
            if (day % 14 == 10) {
                run.schedule(dayStart.plusSeconds(18 * 3600), sequence++, () -> stockkeeping.countSomeStock(items));
            }
            if (day % 21 == 15) {
                run.schedule(dayStart.plusSeconds(8 * 3600), sequence++, () -> stockkeeping.transferSomeStock(items));
            }
        }
        return sequence;
    }

    /** One line per simulated day done: what run.sh shows while it waits, and the record's progress. */
    private void reportDay(int day) {
        if (day < 1) {
            return;
        }
        long events = record.events();
        record.progress(day);
        progress.day(day, events);
        log.info("Demo data: day {} of {} done, {} events, {} orders placed", day, days, events, run.placed);
    }
}
