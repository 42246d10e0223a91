package com.omniops.command.alert;

import static com.omniops.command.jooq.Tables.ALERT_MARGIN_EROSION;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.omniops.command.config.AlertSettings;
import com.omniops.command.jooq.tables.records.AlertMarginErosionRecord;
import com.omniops.events.StreamIds;
import com.omniops.events.alert.AlertType;
import com.omniops.projections.ledger.ChartOfAccounts;
import com.omniops.projections.ledger.LedgerProjector;
import com.omniops.projections.ledger.LedgerReports;
import com.omniops.projections.ledger.LedgerReports.OrderMargin;
import com.omniops.projections.ledger.LedgerReports.SkuChannelMargin;
import com.omniops.projections.ledger.Margin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.stereotype.Component;

/**
 * {@link AlertType#MARGIN_EROSION}: every {@code omniops.alerts.margin-erosion.check-interval} this check reads the
 * margins the books hold ({@link LedgerReports}, the ledger's one margin definition, on the database both apps share)
 * and judges them with {@link MarginErosionRule}:
 * <ul>
 *   <li>each order that posted an entry in the last {@code window-days} (by business date, the injected clock's
 *       today included), over all its lines: raised when eroded, resolved when a refund, return or later shipment
 *       brings it back. An order with no entry in the window cannot have changed; the check forgets it, and an alert
 *       still open for it stays open until someone resolves it.</li>
 *   <li>each channel's SKUs over the window's lines: raised when eroded, resolved when no longer (including when
 *       the SKU's net sales in the window fall under the minimum).</li>
 * </ul>
 * Level-triggered: each run judges what the books say now, so it needs no cursor over ledger commits and a missed run
 * loses nothing. It keeps the subjects it raised in {@code alert_margin_erosion}; the Alert deduplicates, so a
 * run that stops between a command and its flag repeats nothing. It skips a run while the books have not started or
 * are being rebuilt (the {@code ledger} processor's token is a replay token), so a rebuild resolves nothing.
 * <p>
 * The interval is real time, not the injected clock's: the demo's simulated clock passes days in seconds and tests
 * move it by days, and neither should make the check run more or less often. With several command-side nodes a
 * PostgreSQL advisory lock lets one of them run it at a time.
 */
@Component
public class MarginErosionCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarginErosionCheck.class);
    /** The advisory lock key of the check (an arbitrary constant, the same on every node). */
    private static final long LOCK_KEY = 0x6D617267696EL;
    /** Axon's token store table (shared by both apps), read without claiming a token. */
    private static final Table<?> TOKEN_ENTRY = table(name("tokenentry"));
    private static final Field<String> PROCESSOR_NAME = field(name("processorname"), SQLDataType.VARCHAR);
    private static final Field<byte[]> TOKEN = field(name("token"), SQLDataType.BLOB);
    private static final Field<String> TOKEN_TYPE = field(name("tokentype"), SQLDataType.VARCHAR);

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final LedgerReports reports;
    private final CommandGateway commands;
    private final Clock clock;
    private final Serializer serializer;
    private final AlertSettings.MarginErosion settings;
    private final MarginErosionRule orderRule;
    private final MarginErosionRule skuChannelRule;
    private final String currency;
    private volatile ScheduledExecutorService runs;

    /** What an alert is about: an order (with its channel) or a channel's SKU, and how the summary names it. */
    private record Subject(String alertId, String orderId, String channelId, String sku, String text) {
    }

    /** What one run did. */
    record Outcome(int ordersJudged, int skuChannelsJudged, int raised, int resolved) {
    }

    public MarginErosionCheck(DataSource dataSource, DSLContext dsl, LedgerReports reports, ChartOfAccounts chart,
                              @Qualifier("policyCommands") CommandGateway commands, Clock clock,
                              Serializer serializer, AlertSettings settings) {
        this.serializer = serializer;
        this.dataSource = dataSource;
        this.dsl = dsl;
        this.reports = reports;
        this.commands = commands;
        this.clock = clock;
        this.settings = settings.marginErosion();
        this.orderRule = new MarginErosionRule(this.settings.orderMinPercent(), BigDecimal.ZERO);
        this.skuChannelRule = new MarginErosionRule(this.settings.skuChannelMinPercent(),
                this.settings.skuChannelMinNetSales());
        this.currency = chart.companyCurrency();
    }

    /** Runs the check unless another node is running it; empty when it did not run (and why is logged). */
    Optional<Outcome> runOnce() {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "pg_try_advisory_lock")) {
                log.debug("Margin erosion check skipped: another node is running it");
                return Optional.empty();
            }
            try {
                Optional<String> notReady = booksNotReady();
                if (notReady.isPresent()) {
                    log.debug("Margin erosion check skipped: {}", notReady.get());
                    return Optional.empty();
                }
                return Optional.of(judge());
            } finally {
                advisory(lock, "pg_advisory_unlock");
            }
        } catch (BadSqlGrammarException e) {
            // the query side, which creates the token and ledger tables, has not migrated the database yet
            log.debug("Margin erosion check skipped: the books' tables are not there yet ({})", e.getMessage());
            return Optional.empty();
        } catch (SQLException | DataAccessException e) {
            // e.g. the database is away; the next run tries again
            log.warn("Margin erosion check failed, trying again in {}: {}", settings.checkInterval(), e.toString());
            return Optional.empty();
        }
    }

    private Outcome judge() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(settings.windowDays() - 1L);
        Map<String, AlertMarginErosionRecord> flags = dsl.selectFrom(ALERT_MARGIN_EROSION)
                .fetchMap(ALERT_MARGIN_EROSION.ALERT_ID);
        int[] changes = new int[2];
        Set<String> judged = new HashSet<>();

        List<OrderMargin> orders = reports.marginsOfOrdersPostedSince(from);
        for (OrderMargin order : orders) {
            Subject subject = new Subject(StreamIds.alertId(AlertType.MARGIN_EROSION, "order", order.orderId()),
                    order.orderId(), order.channelId(), null,
                    "Order " + order.orderId() + " (channel " + order.channelId() + ")");
            judged.add(subject.alertId());
            apply(subject, orderRule, order.margin(), flags.containsKey(subject.alertId()), changes);
        }
        // orders without an entry in the window: their margins cannot have changed since they were last judged
        List<String> aged = flags.values().stream()
                .filter(f -> f.getOrderId() != null && !judged.contains(f.getAlertId()))
                .map(AlertMarginErosionRecord::getAlertId).toList();
        dsl.deleteFrom(ALERT_MARGIN_EROSION).where(ALERT_MARGIN_EROSION.ALERT_ID.in(aged)).execute();

        List<SkuChannelMargin> skus = reports.marginsOfSkusByChannel(from, today);
        for (SkuChannelMargin sku : skus) {
            Subject subject = new Subject(StreamIds.alertId(AlertType.MARGIN_EROSION, "sku", sku.channelId(),
                    sku.sku()), null, sku.channelId(), sku.sku(),
                    "SKU " + sku.sku() + " on channel " + sku.channelId() + " from " + from + " to " + today);
            judged.add(subject.alertId());
            apply(subject, skuChannelRule, sku.margin(), flags.containsKey(subject.alertId()), changes);
        }
        // SKUs a channel has not sold in the window: no net sales, so not eroded
        for (AlertMarginErosionRecord flag : flags.values()) {
            if (flag.getSku() != null && !judged.contains(flag.getAlertId())) {
                resolve(flag.getAlertId(), "SKU " + flag.getSku() + " on channel " + flag.getChannelId()
                        + ": no sales from " + from + " to " + today);
                changes[1]++;
            }
        }
        Outcome outcome = new Outcome(orders.size(), skus.size(), changes[0], changes[1]);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.raised() + outcome.resolved() > 0) {
            log.info("Margin erosion check over {} to {}: {} orders and {} channel SKUs judged, {} alerts raised, "
                    + "{} resolved, in {} ms", from, today, outcome.ordersJudged(), outcome.skuChannelsJudged(),
                    outcome.raised(), outcome.resolved(), millis);
        } else {
            log.debug("Margin erosion check over {} to {}: {} orders and {} channel SKUs judged, nothing changed, in "
                    + "{} ms", from, today, outcome.ordersJudged(), outcome.skuChannelsJudged(), millis);
        }
        return outcome;
    }

    private void apply(Subject subject, MarginErosionRule rule, Margin margin, boolean flagged, int[] changes) {
        boolean eroded = rule.eroded(margin);
        if (eroded && !flagged) {
            commands.sendAndWait(new RaiseAlert(subject.alertId(), AlertType.MARGIN_EROSION, subject.channelId(),
                    subject.sku(), subject.orderId(), describe(subject.text(), margin, rule),
                    margin.grossMarginPercent(), rule.minPercent()));
            dsl.insertInto(ALERT_MARGIN_EROSION)
                    .set(ALERT_MARGIN_EROSION.ALERT_ID, subject.alertId())
                    .set(ALERT_MARGIN_EROSION.ORDER_ID, subject.orderId())
                    .set(ALERT_MARGIN_EROSION.CHANNEL_ID, subject.channelId())
                    .set(ALERT_MARGIN_EROSION.SKU, subject.sku())
                    .onConflictDoNothing()
                    .execute();
            changes[0]++;
        } else if (!eroded && flagged) {
            resolve(subject.alertId(), "no longer eroded: " + describe(subject.text(), margin, rule));
            changes[1]++;
        }
    }

    private void resolve(String alertId, String reason) {
        commands.sendAndWait(new ResolveAlert(alertId, true, "system", reason));
        dsl.deleteFrom(ALERT_MARGIN_EROSION).where(ALERT_MARGIN_EROSION.ALERT_ID.eq(alertId)).execute();
    }

    String describe(String subject, Margin m, MarginErosionRule rule) {
        String percent = m.grossMarginPercent() == null ? "no gross margin %" : m.grossMarginPercent() + " %";
        return subject + ": gross margin " + money(m.grossMargin()) + " on net sales " + money(m.netSales())
                + " (cost of goods sold " + money(m.costOfGoodsSold()) + ", refunds " + money(m.refunds()) + ") is "
                + percent + "; eroded under " + rule.minPercent().toPlainString() + " %"
                + (rule.minNetSales().signum() > 0 ? " with net sales of at least " + money(rule.minNetSales()) : "")
                + ".";
    }

    /** An amount in the company currency as a summary shows it: to the cent (the books may keep a finer scale). */
    private String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    /** Why the books cannot be judged now, if they cannot. */
    private Optional<String> booksNotReady() {
        List<TrackingToken> tokens = dsl.select(TOKEN, TOKEN_TYPE).from(TOKEN_ENTRY)
                .where(PROCESSOR_NAME.eq(LedgerProjector.PROCESSING_GROUP))
                .fetch(r -> r.value1() == null || r.value2() == null ? null
                        : serializer.deserialize(new SimpleSerializedObject<>(r.value1(), byte[].class, r.value2(),
                        null)));
        if (tokens.isEmpty()) {
            return Optional.of("the books have not started (no token of processor "
                    + LedgerProjector.PROCESSING_GROUP + ")");
        }
        // Axon keeps a ReplayToken until the first event after the reset point: a segment is replaying only while
        // it is behind that point
        for (TrackingToken token : tokens) {
            if (ReplayToken.isReplay(token)) {
                OptionalLong at = token.position();
                OptionalLong reset = ReplayToken.getTokenAtReset(token);
                if (at.isEmpty() || reset.isEmpty() || at.getAsLong() < reset.getAsLong()) {
                    return Optional.of("the books are being rebuilt (at " + at + " of " + reset + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean advisory(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + function + "(" + LOCK_KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    @Override
    public void start() {
        long every = settings.checkInterval().toMillis();
        runs = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "margin-erosion-check");
            thread.setDaemon(true);
            return thread;
        });
        runs.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (Throwable e) { // e.g. a failed command: keep the schedule (an escaping throwable ends it)
                log.warn("Margin erosion check failed, trying again in {}", settings.checkInterval(), e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = runs;
        runs = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return runs != null;
    }

    @Override
    public int getPhase() {
        // after the command bus and processors, like the durable timers; stopped first
        return Integer.MAX_VALUE - 1;
    }
}
