package com.omniops.bench.history;

import com.omniops.events.json.EventJson;
import com.omniops.events.stock.StockIssued;
import com.omniops.query.audit.StoredEvent;
import com.omniops.query.audit.chain.StoredForm;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a history of N events into a fresh OmniOps database with PostgreSQL COPY, before the apps start, so a
 * benchmark measures placement with years of business already stored (issue 11: "cost must not grow with history").
 * <p>
 * What it writes, and why each part:
 * <ul>
 *   <li>both apps' schemas, by running their own Flyway migrations (same locations and history tables as the apps);</li>
 *   <li>{@code DomainEventEntry}: the events of {@link HistoryGenerator}, serialized by Axon's {@link JacksonSerializer}
 *       on {@link EventJson#mapper()} exactly as the apps store them (payload type and {@code @Revision}, metadata
 *       as JSON, Axon's millisecond ISO-8601 timestamps); global indexes 1..N without gaps, and the global index
 *       sequence moved past them;</li>
 *   <li>the command side's lookup tables as placement would have left them: products, channels, listings, stock
 *       items, {@code order_reference} for every order and {@code idempotency_key} for the half sent with a key;</li>
 *   <li>the replenishment policy's own state as it would be after reading the history (positions of every stock item,
 *       units shipped per stock item and day): what that processor would otherwise compute while catching up;</li>
 *   <li>{@code event_hash_chain}: the chain over all N events, computed with the query side's own {@link StoredForm},
 *       so the chain job continues from the head and {@code POST /api/audit/verify} finds it INTACT;</li>
 *   <li>every streaming processor's token at the head (each segment of each processor the apps configure, read
 *       from their own {@code command-side.yml} / {@code query-side.yml}): a {@link GapAwareTrackingToken}
 *       serialized by the same serializer the token stores use. The read models therefore do <b>not</b> contain the
 *       generated history (a rebuild from the admin API would put it there); what is measured is the write path,
 *       the lookups and the event store's queries with N events stored, not a catch-up.</li>
 * </ul>
 * The big tables' indexes and keys in random order (aggregate id, event id, order ids, ...) are dropped during the COPY
 * and rebuilt once at the end (the same definitions, read from the catalogue), which is how a bulk load is fast; the
 * database must not hold events yet.
 */
public final class HistoryLoader {

    static final String USAGE = """
            History loader: writes N events of generated business history into a fresh OmniOps database (COPY)
              --events=5000000        events to write (exactly)
              --db-url=jdbc:postgresql://127.0.0.1:5432/omniops  --db-user=postgres --db-password=
              --skus=auto             historical SKUs (auto: events / 2,500, between 10 and 5,000), in 3 warehouses
              --years=3               the history ends a day before now and starts this many years earlier
              --seed=11               the same seed writes the same history (ids, quantities, prices)
            Run it before the apps start; the database must not hold events yet (it migrates the schema itself).""";

    private static final DateTimeFormatter AXON_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] LOADED_TABLES = {"domainevententry", "event_hash_chain", "order_reference",
            "idempotency_key", "replenishment_demand"};
    /**
     * Keys kept during the COPY: rows arrive in global index order, so these B-trees only ever grow at their right
     * edge (cheap), while rebuilding one afterwards would cost another full scan of the table.
     */
    private static final Set<String> KEPT = Set.of("domain_event_entry_pk", "event_hash_chain_pk");

    /** What a load did. */
    public record Result(long events, long orders, long receipts, int skus, long stockItems, long tokens,
                         Instant historyStart, Instant historyEnd, Duration took) {
    }

    private final String url;
    private final String user;
    private final String password;

    public HistoryLoader(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("events", "5000000", "skus", "auto", "years", "3",
                "seed", "11", "db-url", "jdbc:postgresql://127.0.0.1:5432/omniops", "db-user", "postgres",
                "db-password", ""));
        for (String arg : argv) {
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(USAGE);
                return;
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !options.containsKey(name)) {
                System.err.println("Unknown option " + arg + "\n" + USAGE);
                System.exit(2);
            }
            options.put(name, arg.substring(eq + 1));
        }
        long events = Long.parseLong(options.get("events").replace("_", ""));
        int skus = options.get("skus").equals("auto") ? HistoryGenerator.defaultSkus(events)
                : Integer.parseInt(options.get("skus"));
        Result r = new HistoryLoader(options.get("db-url"), options.get("db-user"), options.get("db-password"))
                .load(events, skus, Duration.ofDays(365L * Integer.parseInt(options.get("years"))),
                        Long.parseLong(options.get("seed")));
        System.out.printf("History loaded: %,d events (%,d orders, %,d goods receipts, %d SKUs in %,d stock items, "
                        + "%s .. %s), %d processor tokens at the head, in %.1f s (%,.0f events/s)%n",
                r.events(), r.orders(), r.receipts(), r.skus(), r.stockItems(), r.historyStart(), r.historyEnd(),
                r.tokens(), r.took().toMillis() / 1000.0, r.events() / Math.max(0.001, r.took().toMillis() / 1000.0));
    }

    public Result load(long events, int skus, Duration span, long seed) throws Exception {
        long started = System.nanoTime();
        migrate("classpath:db/command", "flyway_history_command");
        migrate("classpath:db/query", "flyway_history_query");
        Instant end = Instant.now().minus(Duration.ofDays(1));
        try (Connection admin = connect()) {
            requireEmpty(admin);
            List<String> restore = dropKeysAndIndexes(admin);
            Copies copies = new Copies(seed);
            HistoryGenerator generator;
            try {
                generator = new HistoryGenerator(events, skus, end, span, seed, copies);
                generator.generate();
                copies.finish();
            } finally {
                copies.close();
            }
            lookups(admin, generator);
            step("rebuilding keys and indexes of the loaded tables");
            try (Statement s = admin.createStatement()) {
                s.execute("SET maintenance_work_mem = '256MB'");
                for (String ddl : restore) {
                    s.execute(ddl);
                }
                s.execute("SELECT setval('domain_event_global_index_seq', " + events + ")");
            }
            long tokens = tokensAtHead(admin, events);
            step("analyzing");
            try (Statement s = admin.createStatement()) {
                for (String table : LOADED_TABLES) {
                    s.execute("ANALYZE " + table);
                }
            }
            long stockItems = 0;
            for (var ignored : generator.stockItems()) {
                stockItems++;
            }
            return new Result(generator.written(), generator.orders(), generator.receipts(), skus, stockItems, tokens,
                    generator.start(), end, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void migrate(String location, String historyTable) {
        Flyway.configure().dataSource(url, user, password).locations(location).table(historyTable)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    private static void requireEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM domainevententry)")) {
            r.next();
            if (r.getBoolean(1)) {
                throw new IllegalStateException("The event store already holds events: the history loader writes "
                        + "into a fresh database only (before the apps' first start)");
            }
        }
    }

    /** Drops the keys (but {@link #KEPT}) and indexes of the bulk-loaded tables; returns the DDL restoring them. */
    private static List<String> dropKeysAndIndexes(Connection c) throws SQLException {
        List<String> restore = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        try (PreparedStatement constraints = c.prepareStatement("""
                SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conrelid = ?::regclass AND contype IN ('p', 'u') ORDER BY contype, conname""");
             PreparedStatement indexes = c.prepareStatement("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                 WHERE i.schemaname = current_schema() AND i.tablename = ?
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)""")) {
            for (String table : LOADED_TABLES) {
                constraints.setString(1, table);
                try (ResultSet r = constraints.executeQuery()) {
                    while (r.next()) {
                        if (KEPT.contains(r.getString(1))) {
                            continue;
                        }
                        drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + r.getString(1));
                        restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + r.getString(1) + " "
                                + r.getString(2));
                    }
                }
                indexes.setString(1, table);
                try (ResultSet r = indexes.executeQuery()) {
                    while (r.next()) {
                        drop.add("DROP INDEX " + r.getString(1));
                        restore.add(r.getString(2));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : drop) {
                s.execute(ddl);
            }
        }
        return restore;
    }

    /** Small lookup tables (products, channels, listings, stock items, replenishment positions): plain batches. */
    private static void lookups(Connection c, HistoryGenerator g) throws SQLException {
        step("writing the catalogue's lookup rows");
        try (PreparedStatement product = c.prepareStatement("INSERT INTO product_registry (sku) VALUES (?)");
             PreparedStatement channel = c.prepareStatement("INSERT INTO channel_registry (channel_id) VALUES (?)");
             PreparedStatement listing = c.prepareStatement(
                     "INSERT INTO channel_listing (channel_id, channel_sku, sku) VALUES (?, ?, ?)");
             PreparedStatement item = c.prepareStatement(
                     "INSERT INTO stock_item_registry (warehouse_id, sku) VALUES (?, ?)");
             PreparedStatement position = c.prepareStatement("""
                     INSERT INTO replenishment_position (stock_item_id, on_hand, reserved, unit_cost)
                     VALUES (?, ?, ?, ?)""")) {
            for (var p : g.products()) {
                product.setString(1, p.sku());
                product.addBatch();
            }
            product.executeBatch();
            for (var ch : g.channels()) {
                channel.setString(1, ch.id());
                channel.addBatch();
            }
            channel.executeBatch();
            for (var ch : g.channels()) {
                for (var p : g.products()) {
                    listing.setString(1, ch.id());
                    listing.setString(2, ch.skuPrefix() + p.sku());
                    listing.setString(3, p.sku());
                    listing.addBatch();
                }
            }
            listing.executeBatch();
            for (var s : g.stockItems()) {
                item.setString(1, s.warehouseId);
                item.setString(2, s.sku);
                item.addBatch();
                // the replenishment policy's position after the item's last event (cost: the last receipt's average)
                position.setString(1, s.id);
                position.setInt(2, s.onHand);
                position.setInt(3, s.reserved);
                position.setBigDecimal(4, s.averageCost);
                position.addBatch();
            }
            item.executeBatch();
            position.executeBatch();
        }
    }

    /**
     * Every segment of every streaming processor of both apps, at the head: where each would stand after reading the
     * history. Names and segment counts come from the apps' own configuration files on the classpath.
     */
    private long tokensAtHead(Connection c, long head) throws SQLException {
        Serializer serializer = serializer();
        SerializedObject<byte[]> token = serializer.serialize(GapAwareTrackingToken.newInstance(head, Set.of()),
                byte[].class);
        String now = AXON_INSTANT.format(Instant.now());
        long written = 0;
        for (var app : List.of(new String[]{"command-side.yml", "CommandTokenEntry"},
                new String[]{"query-side.yml", "TokenEntry"})) {
            Map<String, Integer> processors = processors(app[0]);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + app[1]
                    + " (processorName, segment, token, tokenType, timestamp, owner) VALUES (?, ?, ?, ?, ?, NULL)")) {
                for (var p : processors.entrySet()) {
                    for (int segment = 0; segment < p.getValue(); segment++) {
                        insert.setString(1, p.getKey());
                        insert.setInt(2, segment);
                        insert.setBytes(3, token.getData());
                        insert.setString(4, token.getType().getName());
                        insert.setString(5, now);
                        insert.addBatch();
                        written++;
                    }
                }
                insert.executeBatch();
            }
        }
        return written;
    }

    /** The streaming processors an app configures ({@code axon.eventhandling.processors}) and their segment counts. */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> processors(String configFile) {
        try (InputStream in = HistoryLoader.class.getClassLoader().getResourceAsStream(configFile)) {
            if (in == null) {
                throw new IllegalStateException(configFile + " is not on the classpath");
            }
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> processors = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    root.get("axon")).get("eventhandling")).get("processors");
            Map<String, Integer> segments = new TreeMap<>();
            processors.forEach((name, settings) -> segments.put(name, ((Number) ((Map<String, Object>) settings)
                    .getOrDefault("initial-segment-count", 1)).intValue()));
            return segments;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The apps' serializer for events, metadata and tokens (AxonConfiguration / AxonConfig). */
    static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off"); // a half-written load is thrown away anyway
        }
        return c;
    }

    private static void step(String what) {
        System.out.printf("[history] %s%n", what);
    }

    /**
     * The COPY streams, one connection each, written from the generator's thread (the server parses them in parallel):
     * events, their hash chain, order references, idempotency keys and the replenishment policy's daily demand.
     */
    private final class Copies implements HistoryGenerator.Sink, AutoCloseable {

        private final Serializer serializer = serializer();
        private final List<Connection> connections = new ArrayList<>();
        private final BinaryCopy events;
        private final BinaryCopy chain;
        private final BinaryCopy references;
        private final BinaryCopy keys;
        private final BinaryCopy demand;
        private final Instant chainedAt = Instant.now();
        private final MessageDigest sha256 = sha256();
        private final java.util.SplittableRandom eventIds;
        private byte[] previousHash = StoredForm.GENESIS;
        private long globalIndex;
        private long progressAt = 500_000;
        private final long startedNanos = System.nanoTime();
        /** Units shipped per stock item on the current day (StockIssued comes in time order). */
        private LocalDate demandDay;
        private final Map<String, Integer> demandOfDay = new TreeMap<>();

        Copies(long seed) throws SQLException {
            eventIds = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
            events = new BinaryCopy(open(), "domainevententry", "globalindex", "aggregateidentifier",
                    "sequencenumber", "type", "eventidentifier", "metadata", "payload", "payloadrevision",
                    "payloadtype", "timestamp");
            chain = new BinaryCopy(open(), "event_hash_chain", "global_index", "event_identifier", "hash",
                    "chained_at");
            references = new BinaryCopy(open(), "order_reference", "channel_id", "channel_order_ref", "order_id");
            keys = new BinaryCopy(open(), "idempotency_key", "idem_key", "request_hash", "status_code",
                    "content_type", "response_body", "created_at", "completed_at");
            demand = new BinaryCopy(open(), "replenishment_demand", "stock_item_id", "day", "units");
            step("writing events with COPY");
        }

        private Connection open() throws SQLException {
            Connection c = connect();
            connections.add(c);
            return c;
        }

        @Override
        public void event(String aggregateType, String aggregateId, long sequenceNumber, Object payload,
                          Instant storedAt, Map<String, String> metaData) throws SQLException {
            SerializedObject<byte[]> body = serializer.serialize(payload, byte[].class);
            byte[] meta = serializer.serialize(MetaData.from(metaData), byte[].class).getData();
            String eventId = uuid(eventIds);
            globalIndex++;
            String timeStamp = AXON_INSTANT.format(storedAt);
            StoredEvent stored = new StoredEvent(globalIndex, eventId, aggregateType, aggregateId, sequenceNumber,
                    body.getType().getName(), body.getType().getRevision(), body.getData(), meta, timeStamp);
            events.row(10).int64(globalIndex).text(aggregateId).int64(sequenceNumber).text(aggregateType)
                    .text(eventId).bytea(meta).bytea(body.getData()).text(stored.payloadRevision())
                    .text(stored.payloadType()).text(timeStamp);
            previousHash = StoredForm.chainedHash(previousHash, stored);
            chain.row(4).int64(globalIndex).text(eventId).bytea(previousHash).timestamp(chainedAt);
            if (payload instanceof StockIssued issued) {
                shipped(issued.stockItemId(), LocalDate.ofInstant(issued.issuedAt(), ZoneOffset.UTC),
                        issued.quantity());
            }
            if (globalIndex >= progressAt) {
                progressAt += 500_000;
                double seconds = (System.nanoTime() - startedNanos) / 1e9;
                step("%,d events (%.0f events/s)".formatted(globalIndex, globalIndex / seconds));
            }
        }

        @Override
        public void orderReference(String channelId, String channelOrderRef, String orderId) throws SQLException {
            references.row(3).text(channelId).text(channelOrderRef).text(orderId);
        }

        @Override
        public void idempotencyKey(String user, String key, Instant at, String orderId) throws SQLException {
            byte[] body = ("{\"orderId\":\"" + orderId + "\",\"status\":\"RESERVED\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String requestHash = HexFormat.of().formatHex(sha256.digest((key + orderId)
                    .getBytes(StandardCharsets.UTF_8)));
            // stored as "<user>/<key>" (V3__idempotency_key_per_caller.sql)
            keys.row(7).text(user + "/" + key).text(requestHash).int32Value(201).text("application/json")
                    .bytea(body).timestamp(at).timestamp(at.plusMillis(40));
        }

        /** As the replenishment policy does for every StockIssued: units shipped per stock item and UTC day. */
        private void shipped(String stockItemId, LocalDate day, int units) throws SQLException {
            if (!day.equals(demandDay)) {
                flushDemand();
                demandDay = day;
            }
            demandOfDay.merge(stockItemId, units, Integer::sum);
        }

        private void flushDemand() throws SQLException {
            for (var e : demandOfDay.entrySet()) {
                demand.row(3).text(e.getKey()).date(demandDay).int32Value(e.getValue());
            }
            demandOfDay.clear();
        }

        void finish() throws SQLException {
            flushDemand();
            long stored = events.finish();
            chain.finish();
            references.finish();
            keys.finish();
            demand.finish();
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            step("%,d events stored in %.1f s (%,.0f events/s)".formatted(stored, seconds, stored / seconds));
        }

        @Override
        public void close() throws SQLException {
            for (BinaryCopy copy : List.of(events, chain, references, keys, demand)) {
                copy.close();
            }
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /**
     * Event ids are random version-4 UUIDs like the apps' (from the seed, so reproducible): ids in a narrow range
     * would leave the unique index on them compact and spare the new events' random inserts the cost that a real
     * history's index puts on them.
     */
    private static String uuid(java.util.SplittableRandom random) {
        long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(msb, lsb).toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
