package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_CHANNEL;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.KPI_LISTING;
import static com.omniops.projections.jooq.Tables.KPI_SKU_STOCK;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_ITEM;
import static com.omniops.projections.jooq.Tables.KPI_STOCK_LAYER;

import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockPosition;
import com.omniops.projections.support.ProjectionWrites;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The stock and in-stock rows of the kpis read model as the events applied so far leave them ({@link StockRows},
 * {@link InStockRows}): read once for the events of a processor batch (or for one event, event by event), changed in
 * memory by each event, and written back as the last value of each changed row and the sum of each day's moves when
 * the batch is flushed ({@link ProjectionWrites.WriteBehind}). These tables are written only through it, and the kpis
 * processor has one segment, so the copy is what the database holds once the pending statements have run.
 */
final class KpiStockState implements ProjectionWrites.WriteBehind {

    /** A stock item's on hand, the last event applied to it, and its layers of stock, oldest first. */
    static final class Item {
        final String stockItemId;
        final String warehouseId;
        final String sku;
        int onHand;
        long lastSequence;
        final Deque<Layer> layers = new ArrayDeque<>();

        Item(String stockItemId, String warehouseId, String sku, int onHand, long lastSequence) {
            this.stockItemId = stockItemId;
            this.warehouseId = warehouseId;
            this.sku = sku;
            this.onHand = onHand;
            this.lastSequence = lastSequence;
        }
    }

    /** Units that entered a stock item together (first in, first out); {@code stored}: the row exists. */
    static final class Layer {
        final long layerNo;
        final LocalDate enteredDay;
        int quantity;
        boolean stored;

        Layer(long layerNo, LocalDate enteredDay, int quantity, boolean stored) {
            this.layerNo = layerNo;
            this.enteredDay = enteredDay;
            this.quantity = quantity;
            this.stored = stored;
        }
    }

    /** A channel's safety buffer and the warehouses it sells from. */
    record Channel(int safetyBuffer, Set<String> warehouseIds) {
    }

    /** A SKU listed on a channel: whether the channel may sell any of it, and whether it was discontinued. */
    static final class Listing {
        final String channelId;
        final String sku;
        boolean inStock;
        boolean discontinued;

        Listing(String channelId, String sku, boolean inStock, boolean discontinued) {
            this.channelId = channelId;
            this.sku = sku;
            this.inStock = inStock;
            this.discontinued = discontinued;
        }
    }

    /** The moves of a warehouse's day not yet written. */
    static final class StockDayMove {
        long received;
        long transferredIn;
        long sold;
        long onHand;
    }

    /** The moves of a channel's day not yet written: SKUs listed and in stock at its end, stockouts during it. */
    static final class ChannelDayMove {
        int listed;
        int inStock;
        int stockouts;
    }

    private record DayKey(String id, LocalDate day) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey other) {
            int byId = id.compareTo(other.id);
            return byId != 0 ? byId : day.compareTo(other.day);
        }
    }

    private final Map<String, Item> items = new HashMap<>();
    /** Per SKU, its quantities in each warehouse. */
    private final Map<String, Map<String, StockPosition>> positions = new HashMap<>();
    /** Per SKU, its listings by channel. */
    private final Map<String, Map<String, Listing>> listings = new HashMap<>();
    private final Map<String, Channel> channels = new HashMap<>();

    // ---- what is not written yet ---------------------------------------------------------------------------------
    private final Set<Item> changedItems = new LinkedHashSet<>();
    private final Map<Layer, Item> changedLayers = new LinkedHashMap<>();
    private final Set<List<String>> changedPositions = new LinkedHashSet<>();
    private final Set<Listing> changedListings = new LinkedHashSet<>();
    private final Map<String, Channel> changedChannels = new LinkedHashMap<>();
    private final Map<String, Long> warehouseMoves = new LinkedHashMap<>();
    private final Map<DayKey, StockDayMove> stockDays = new TreeMap<>();
    private final Map<DayKey, ChannelDayMove> channelDays = new TreeMap<>();

    private KpiStockState() {
    }

    /** Reads the rows the events touch: their stock items with their layers, their SKUs' stock and listings. */
    static KpiStockState load(DSLContext dsl, Collection<?> payloads) {
        Set<String> stockItemIds = new HashSet<>();
        Set<String> skus = new HashSet<>();
        for (Object payload : payloads) {
            switch (payload) {
                case StockItemEvent event -> {
                    stockItemIds.add(event.stockItemId());
                    skus.add(event.sku());
                }
                case ProductListedOnChannel event -> skus.add(event.sku());
                case ProductDiscontinued event -> skus.add(event.sku());
                // another buffer or warehouse list judges every listing of the channel again
                case ChannelSettingsChanged event -> skus.addAll(dsl.select(KPI_LISTING.SKU).from(KPI_LISTING)
                        .where(KPI_LISTING.CHANNEL_ID.eq(event.channelId())).fetch(KPI_LISTING.SKU));
                default -> { } // the rest read none of these rows (channels are all read)
            }
        }
        KpiStockState state = new KpiStockState();
        if (!stockItemIds.isEmpty()) {
            dsl.selectFrom(KPI_STOCK_ITEM).where(KPI_STOCK_ITEM.STOCK_ITEM_ID.in(stockItemIds)).forEach(r ->
                    state.items.put(r.getStockItemId(), new Item(r.getStockItemId(), r.getWarehouseId(), r.getSku(),
                            r.getOnHand(), r.getLastSequence())));
            dsl.selectFrom(KPI_STOCK_LAYER).where(KPI_STOCK_LAYER.STOCK_ITEM_ID.in(stockItemIds))
                    .orderBy(KPI_STOCK_LAYER.STOCK_ITEM_ID, KPI_STOCK_LAYER.LAYER_NO)
                    .forEach(r -> {
                        Item item = state.items.get(r.getStockItemId());
                        if (item == null) {
                            throw new IllegalStateException("Stock item " + r.getStockItemId() + " has layers but "
                                    + "no row in the kpis read model");
                        }
                        item.layers.addLast(new Layer(r.getLayerNo(), r.getEnteredDay(), r.getQuantity(), true));
                    });
        }
        if (!skus.isEmpty()) {
            dsl.selectFrom(KPI_SKU_STOCK).where(KPI_SKU_STOCK.SKU.in(skus)).forEach(r ->
                    state.positions.computeIfAbsent(r.getSku(), s -> new HashMap<>()).put(r.getWarehouseId(),
                            new StockPosition(r.getOnHand(), r.getReserved(), r.getQuarantine(),
                                    r.getRefurbishment())));
            dsl.selectFrom(KPI_LISTING).where(KPI_LISTING.SKU.in(skus)).forEach(r ->
                    state.listings.computeIfAbsent(r.getSku(), s -> new HashMap<>()).put(r.getChannelId(),
                            new Listing(r.getChannelId(), r.getSku(), r.getInStock(), r.getDiscontinued())));
        }
        Map<String, Set<String>> warehouses = new HashMap<>();
        dsl.selectFrom(KPI_CHANNEL_WAREHOUSE).forEach(r ->
                warehouses.computeIfAbsent(r.getChannelId(), c -> new HashSet<>()).add(r.getWarehouseId()));
        dsl.selectFrom(KPI_CHANNEL).forEach(r -> state.channels.put(r.getChannelId(),
                new Channel(r.getSafetyBuffer(), Set.copyOf(warehouses.getOrDefault(r.getChannelId(), Set.of())))));
        return state;
    }

    // ---- reading and changing the copy -----------------------------------------------------------------------

    /** The stock item, or null if no event of it was applied yet. */
    Item item(String stockItemId) {
        return items.get(stockItemId);
    }

    /** Adds a stock item first seen in an event; its warehouse's on hand counts from then on. */
    void addItem(Item item) {
        items.put(item.stockItemId, item);
        changedItems.add(item);
        warehouseMoves.merge(item.warehouseId, 0L, Long::sum);
    }

    /** The item's on hand and last event changed. */
    void itemChanged(Item item) {
        changedItems.add(item);
    }

    /** A layer added, used up or made smaller (a used-up layer is taken out of the item's layers by the caller). */
    void layerChanged(Item item, Layer layer) {
        changedLayers.put(layer, item);
    }

    StockPosition position(String sku, String warehouseId) {
        return positions.getOrDefault(sku, Map.of()).get(warehouseId);
    }

    /** The SKU's quantities in each warehouse. */
    Map<String, StockPosition> positions(String sku) {
        return positions.getOrDefault(sku, Map.of());
    }

    void setPosition(String sku, String warehouseId, StockPosition position) {
        positions.computeIfAbsent(sku, s -> new HashMap<>()).put(warehouseId, position);
        changedPositions.add(List.of(sku, warehouseId));
    }

    Channel channel(String channelId) {
        return channels.get(channelId);
    }

    /** A channel registered, or its buffer or warehouses changed. */
    void setChannel(String channelId, Channel channel) {
        channels.put(channelId, channel);
        changedChannels.put(channelId, channel);
    }

    /** The SKU's listings, by channel. */
    Collection<Listing> listings(String sku) {
        return listings.getOrDefault(sku, Map.of()).values();
    }

    /** The channel's listings among those read (every one when the batch changes the channel: see load). */
    List<Listing> listingsOn(String channelId) {
        return listings.values().stream().map(bySku -> bySku.get(channelId)).filter(Objects::nonNull).toList();
    }

    Listing listing(String channelId, String sku) {
        return listings.getOrDefault(sku, Map.of()).get(channelId);
    }

    void addListing(Listing listing) {
        listings.computeIfAbsent(listing.sku, s -> new HashMap<>()).put(listing.channelId, listing);
        changedListings.add(listing);
    }

    void listingChanged(Listing listing) {
        changedListings.add(listing);
    }

    /** Adds to a warehouse's on hand and to its day's moves (the day's row is made even when all are zero). */
    void moveStock(String warehouseId, LocalDate day, long received, long transferredIn, long sold, long onHand) {
        if (onHand != 0) {
            warehouseMoves.merge(warehouseId, onHand, Long::sum);
        }
        StockDayMove move = stockDays.computeIfAbsent(new DayKey(warehouseId, day), k -> new StockDayMove());
        move.received += received;
        move.transferredIn += transferredIn;
        move.sold += sold;
        move.onHand += onHand;
    }

    /** Adds to a channel's day: SKUs listed and in stock at its end (and at the end of every later day), stockouts. */
    void moveChannelDay(String channelId, LocalDate day, int listed, int inStock, int stockouts) {
        ChannelDayMove move = channelDays.computeIfAbsent(new DayKey(channelId, day), k -> new ChannelDayMove());
        move.listed += listed;
        move.inStock += inStock;
        move.stockouts += stockouts;
    }

    // ---- writing it ---------------------------------------------------------------------------------------------

    static final String ITEM = "INSERT INTO kpi_stock_item (stock_item_id, warehouse_id, sku, on_hand, last_sequence) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (stock_item_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, "
            + "last_sequence = EXCLUDED.last_sequence WHERE kpi_stock_item.last_sequence < EXCLUDED.last_sequence";
    static final String LAYER_INSERT = "INSERT INTO kpi_stock_layer (stock_item_id, layer_no, warehouse_id, sku, "
            + "entered_day, quantity) VALUES (?, ?, ?, ?, ?, ?)";
    static final String LAYER_UPDATE = "UPDATE kpi_stock_layer SET quantity = ? WHERE stock_item_id = ? AND layer_no = ?";
    static final String LAYER_DELETE = "DELETE FROM kpi_stock_layer WHERE stock_item_id = ? AND layer_no = ?";
    static final String WAREHOUSE = "INSERT INTO kpi_stock_warehouse (warehouse_id, on_hand) VALUES (?, ?) "
            + "ON CONFLICT (warehouse_id) DO UPDATE SET on_hand = kpi_stock_warehouse.on_hand + EXCLUDED.on_hand";
    /** A warehouse's day: its moves added; a new day's on hand at the end is the day before's plus its move. */
    static final String STOCK_DAY = "INSERT INTO kpi_stock_day (warehouse_id, day, received, transferred_in, sold, "
            + "on_hand_end) VALUES (?, ?, ?, ?, ?, coalesce((SELECT d.on_hand_end FROM kpi_stock_day d "
            + "WHERE d.warehouse_id = ? AND d.day < ? ORDER BY d.day DESC LIMIT 1), 0) + ?) "
            + "ON CONFLICT (warehouse_id, day) DO UPDATE SET received = kpi_stock_day.received + EXCLUDED.received, "
            + "transferred_in = kpi_stock_day.transferred_in + EXCLUDED.transferred_in, "
            + "sold = kpi_stock_day.sold + EXCLUDED.sold, on_hand_end = kpi_stock_day.on_hand_end + ?";
    /** A move on a day also moves the on hand at the end of every later day already written. */
    static final String STOCK_DAYS_AFTER = "UPDATE kpi_stock_day SET on_hand_end = on_hand_end + ? "
            + "WHERE warehouse_id = ? AND day > ?";
    static final String SKU_STOCK = "INSERT INTO kpi_sku_stock (sku, warehouse_id, on_hand, reserved, quarantine, "
            + "refurbishment) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku, warehouse_id) DO UPDATE SET "
            + "on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, quarantine = EXCLUDED.quarantine, "
            + "refurbishment = EXCLUDED.refurbishment";
    static final String CHANNEL = "INSERT INTO kpi_channel (channel_id, safety_buffer) VALUES (?, ?) "
            + "ON CONFLICT (channel_id) DO UPDATE SET safety_buffer = EXCLUDED.safety_buffer";
    static final String CHANNEL_WAREHOUSES_CLEARED = "DELETE FROM kpi_channel_warehouse WHERE channel_id = ?";
    static final String CHANNEL_WAREHOUSE = "INSERT INTO kpi_channel_warehouse (channel_id, warehouse_id) "
            + "VALUES (?, ?) ON CONFLICT DO NOTHING";
    static final String LISTING = "INSERT INTO kpi_listing (channel_id, sku, in_stock, discontinued) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (channel_id, sku) DO UPDATE SET in_stock = EXCLUDED.in_stock, "
            + "discontinued = EXCLUDED.discontinued";
    /** A channel's day, as {@link #STOCK_DAY} for a warehouse's. */
    static final String CHANNEL_DAY = "INSERT INTO kpi_channel_stock_day (channel_id, day, listed_end, in_stock_end, "
            + "stockouts) SELECT CAST(? AS VARCHAR), CAST(? AS DATE), coalesce(max(b.listed_end), 0) + ?, "
            + "coalesce(max(b.in_stock_end), 0) + ?, CAST(? AS INT) "
            + "FROM (SELECT d.listed_end, d.in_stock_end FROM kpi_channel_stock_day d WHERE d.channel_id = ? "
            + "AND d.day < ? ORDER BY d.day DESC LIMIT 1) b "
            + "ON CONFLICT (channel_id, day) DO UPDATE SET listed_end = kpi_channel_stock_day.listed_end + ?, "
            + "in_stock_end = kpi_channel_stock_day.in_stock_end + ?, "
            + "stockouts = kpi_channel_stock_day.stockouts + EXCLUDED.stockouts";
    static final String CHANNEL_DAYS_AFTER = "UPDATE kpi_channel_stock_day SET listed_end = listed_end + ?, "
            + "in_stock_end = in_stock_end + ? WHERE channel_id = ? AND day > ?";

    @Override
    public List<Statement> drain() {
        List<Statement> statements = new ArrayList<>();
        changedChannels.forEach((channelId, channel) -> {
            statements.add(new Statement(CHANNEL, channelId, channel.safetyBuffer()));
            statements.add(new Statement(CHANNEL_WAREHOUSES_CLEARED, channelId));
            channel.warehouseIds().stream().sorted().forEach(warehouseId ->
                    statements.add(new Statement(CHANNEL_WAREHOUSE, channelId, warehouseId)));
        });
        for (Item item : changedItems) {
            statements.add(new Statement(ITEM, item.stockItemId, item.warehouseId, item.sku, item.onHand,
                    item.lastSequence));
        }
        changedLayers.forEach((layer, item) -> {
            boolean live = layer.quantity > 0;
            if (layer.stored && !live) {
                statements.add(new Statement(LAYER_DELETE, item.stockItemId, layer.layerNo));
            } else if (layer.stored) {
                statements.add(new Statement(LAYER_UPDATE, layer.quantity, item.stockItemId, layer.layerNo));
            } else if (live) {
                statements.add(new Statement(LAYER_INSERT, item.stockItemId, layer.layerNo, item.warehouseId, item.sku,
                        layer.enteredDay, layer.quantity));
            }
            layer.stored = live;
        });
        warehouseMoves.forEach((warehouseId, move) -> statements.add(new Statement(WAREHOUSE, warehouseId, move)));
        // in day order, each day's move then the days after it: every day ends with the sum of the moves up to it
        stockDays.forEach((key, move) -> {
            statements.add(new Statement(STOCK_DAY, key.id(), key.day(), move.received, move.transferredIn,
                    move.sold, key.id(), key.day(), move.onHand, move.onHand));
            if (move.onHand != 0) {
                statements.add(new Statement(STOCK_DAYS_AFTER, move.onHand, key.id(), key.day()));
            }
        });
        for (List<String> key : changedPositions) {
            StockPosition position = positions.get(key.get(0)).get(key.get(1));
            statements.add(new Statement(SKU_STOCK, key.get(0), key.get(1), position.onHand(), position.reserved(),
                    position.quarantine(), position.refurbishment()));
        }
        for (Listing listing : changedListings) {
            statements.add(new Statement(LISTING, listing.channelId, listing.sku, listing.inStock,
                    listing.discontinued));
        }
        channelDays.forEach((key, move) -> {
            statements.add(new Statement(CHANNEL_DAY, key.id(), key.day(), move.listed, move.inStock, move.stockouts,
                    key.id(), key.day(), move.listed, move.inStock));
            if (move.listed != 0 || move.inStock != 0) {
                statements.add(new Statement(CHANNEL_DAYS_AFTER, move.listed, move.inStock, key.id(), key.day()));
            }
        });
        changedChannels.clear();
        changedItems.clear();
        changedLayers.clear();
        warehouseMoves.clear();
        stockDays.clear();
        changedPositions.clear();
        changedListings.clear();
        channelDays.clear();
        return statements;
    }
}
