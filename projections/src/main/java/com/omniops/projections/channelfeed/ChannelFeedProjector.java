package com.omniops.projections.channelfeed;

import static com.omniops.projections.jooq.Tables.FEED_CHANGE;
import static com.omniops.projections.jooq.Tables.FEED_CHANNEL;
import static com.omniops.projections.jooq.Tables.FEED_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.FEED_LISTING;
import static com.omniops.projections.jooq.Tables.FEED_PRODUCT;
import static com.omniops.projections.jooq.Tables.FEED_STOCK;
import static com.omniops.projections.support.Columns.globalIndex;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockItemEvents;
import com.omniops.events.stock.StockPosition;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Read model "channel feed": for each channel, the log of changes of its listings' available-to-sell, numbered in
 * the order this processor applies them ({@code change_no}, per channel), which channel connectors poll with a cursor
 * (docs/channels.md). A change is written when a listing's figure, or whether its product is still sold, differs from
 * what the feed last published for it; listing a SKU on a channel always publishes its first figure. Figures follow
 * {@link StockPosition#availableToSell}, the definition the availability read model uses, from this read model's own
 * copy of the channels, products, listings and stock positions.
 * <p>
 * One segment and one thread (query-side.yml): a channel's changes are numbered by one writer at a time, in commit
 * order, so a connector that read up to change n never sees a change below n appear later. Every event's writes run
 * in a savepoint; the channel, product and stock rows keep the sequence number of their aggregate's last event
 * applied, so an event applied twice changes nothing. The log is the read model's journal ({@link ReadModel}):
 * verification compares the state it leads to ({@code feed_listing}), not its numbering.
 */
@Component
@ProcessingGroup(ChannelFeedProjector.PROCESSING_GROUP)
public class ChannelFeedProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "channel-feed";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, ChannelFeedProjector::new,
            FEED_CHANGE, FEED_LISTING, FEED_CHANNEL_WAREHOUSE, FEED_CHANNEL, FEED_PRODUCT, FEED_STOCK)
            .withJournal(FEED_CHANGE);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public ChannelFeedProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    // ---- Channel and product --------------------------------------------------------------------------------------

    @EventHandler
    void on(ChannelRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> {
            int applied = dsl.insertInto(FEED_CHANNEL)
                    .set(FEED_CHANNEL.CHANNEL_ID, event.channelId())
                    .set(FEED_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                    .set(FEED_CHANNEL.CHANGE_COUNT, 0L)
                    .set(FEED_CHANNEL.LAST_SEQUENCE, seq)
                    .onConflict(FEED_CHANNEL.CHANNEL_ID).doUpdate()
                    .set(FEED_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                    .set(FEED_CHANNEL.LAST_SEQUENCE, seq)
                    .where(FEED_CHANNEL.LAST_SEQUENCE.lt(seq))
                    .execute();
            if (applied == 0) {
                return;
            }
            dsl.deleteFrom(FEED_CHANNEL_WAREHOUSE).where(FEED_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(event.channelId()))
                    .execute();
            var insert = dsl.insertInto(FEED_CHANNEL_WAREHOUSE, FEED_CHANNEL_WAREHOUSE.CHANNEL_ID,
                    FEED_CHANNEL_WAREHOUSE.WAREHOUSE_ID);
            for (String warehouse : event.warehouseIds()) {
                insert = insert.values(event.channelId(), warehouse);
            }
            if (!event.warehouseIds().isEmpty()) {
                insert.execute();
            }
        });
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> product(event.sku(), true, seq));
    }

    /** Lists the SKU on the channel (or renames its channel SKU) and publishes its figure there. */
    @EventHandler
    void on(ProductListedOnChannel event, @SequenceNumber long seq, EventMessage<?> message) {
        isolated.run(() -> {
            if (!product(event.sku(), null, seq)) {
                return;
            }
            int inserted = dsl.insertInto(FEED_LISTING)
                    .set(FEED_LISTING.CHANNEL_ID, event.channelId())
                    .set(FEED_LISTING.SKU, event.sku())
                    .set(FEED_LISTING.CHANNEL_SKU, event.channelSku())
                    .set(FEED_LISTING.ACTIVE, true)
                    .set(FEED_LISTING.AVAILABLE_TO_SELL, 0)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                dsl.update(FEED_LISTING).set(FEED_LISTING.CHANNEL_SKU, event.channelSku())
                        .where(FEED_LISTING.CHANNEL_ID.eq(event.channelId()), FEED_LISTING.SKU.eq(event.sku()))
                        .execute();
            }
            publish(event.sku(), FEED_LISTING.CHANNEL_ID.eq(event.channelId()),
                    new Cause(event, message, event.listedAt(), event.channelId(), inserted == 1));
        });
    }

    /** A discontinued product is no longer sold: every channel listing it gets 0, not active. */
    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long seq, EventMessage<?> message) {
        isolated.run(() -> {
            if (product(event.sku(), false, seq)) {
                publish(event.sku(), DSL.noCondition(), new Cause(event, message, event.discontinuedAt(), null,
                        false));
            }
        });
    }

    /**
     * Moves the product's row to {@code seq}, setting {@code active} when given; false when that event was applied
     * already.
     */
    private boolean product(String sku, Boolean active, long seq) {
        var upsert = dsl.insertInto(FEED_PRODUCT)
                .set(FEED_PRODUCT.SKU, sku)
                .set(FEED_PRODUCT.ACTIVE, active == null || active)
                .set(FEED_PRODUCT.LAST_SEQUENCE, seq)
                .onConflict(FEED_PRODUCT.SKU).doUpdate()
                .set(FEED_PRODUCT.LAST_SEQUENCE, seq);
        if (active != null) {
            upsert = upsert.set(FEED_PRODUCT.ACTIVE, active);
        }
        return upsert.where(FEED_PRODUCT.LAST_SEQUENCE.lt(seq)).execute() > 0;
    }

    // ---- Stock item: every event carries the absolute quantities after it ---------------------------------------

    @EventHandler
    void on(StockReceived event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(StockReservationReleased event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(StockReturned event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(StockReleasedFromHold event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(HeldStockWrittenOff event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    @EventHandler
    void on(StockTransferredOut event, @SequenceNumber long seq, EventMessage<?> message) {
        stock(event, seq, message);
    }

    /**
     * Takes the stock item's quantities (held units only from events that carry them; others keep what the last one
     * set) and publishes the SKU on every channel its warehouse feeds.
     */
    private void stock(StockItemEvent event, long seq, EventMessage<?> message) {
        isolated.run(() -> {
            HeldQuantities held = event instanceof HeldQuantities h ? h : null;
            var upsert = dsl.insertInto(FEED_STOCK)
                    .set(FEED_STOCK.SKU, event.sku())
                    .set(FEED_STOCK.WAREHOUSE_ID, event.warehouseId())
                    .set(FEED_STOCK.ON_HAND, event.onHandAfter())
                    .set(FEED_STOCK.RESERVED, event.reservedAfter())
                    .set(FEED_STOCK.QUARANTINE, held == null ? 0 : held.quarantineAfter())
                    .set(FEED_STOCK.REFURBISHMENT, held == null ? 0 : held.refurbishmentAfter())
                    .set(FEED_STOCK.LAST_SEQUENCE, seq)
                    .onConflict(FEED_STOCK.SKU, FEED_STOCK.WAREHOUSE_ID).doUpdate()
                    .set(FEED_STOCK.ON_HAND, event.onHandAfter())
                    .set(FEED_STOCK.RESERVED, event.reservedAfter())
                    .set(FEED_STOCK.LAST_SEQUENCE, seq);
            if (held != null) {
                upsert = upsert.set(FEED_STOCK.QUARANTINE, held.quarantineAfter())
                        .set(FEED_STOCK.REFURBISHMENT, held.refurbishmentAfter());
            }
            if (upsert.where(FEED_STOCK.LAST_SEQUENCE.lt(seq)).execute() == 0) {
                return; // applied already
            }
            publish(event.sku(), FEED_LISTING.CHANNEL_ID.in(DSL.select(FEED_CHANNEL_WAREHOUSE.CHANNEL_ID)
                            .from(FEED_CHANNEL_WAREHOUSE).where(FEED_CHANNEL_WAREHOUSE.WAREHOUSE_ID.eq(
                                    event.warehouseId()))),
                    new Cause(event, message, StockItemEvents.occurredAt(event), null, false));
        });
    }

    // ---- Publishing -------------------------------------------------------------------------------------------

    /**
     * The event behind a change. {@code listedOn}/{@code newListing}: the channel a listing event is about, and
     * whether it listed the SKU there for the first time (its figure is then published whatever it is, with no
     * previous one).
     */
    private record Cause(Object event, EventMessage<?> message, Instant at, String listedOn, boolean newListing) {
    }

    /**
     * Appends a change to the channel's log, numbering it, and records the listing's new figure: one statement.
     * Binds: channel; available-to-sell, active, channel, SKU (the listing); SKU, channel SKU, active,
     * available-to-sell, previous, cause, global index, instant (the change).
     */
    private static final String APPEND = """
            WITH counter AS (
                UPDATE feed_channel SET change_count = change_count + 1 WHERE channel_id = ?
                RETURNING channel_id, change_count),
            listing AS (
                UPDATE feed_listing SET available_to_sell = ?, active = ? WHERE channel_id = ? AND sku = ?)
            INSERT INTO feed_change (channel_id, change_no, sku, channel_sku, active, available_to_sell, previous,
                                     cause, global_index, occurred_at)
            SELECT channel_id, change_count, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE) FROM counter""";

    /**
     * Recomputes the SKU's available-to-sell on each channel listing it that {@code which} selects, and appends a
     * change for each whose figure (or active flag) differs from what the feed last published: one read (each
     * listing with its channel, product and the stock of each warehouse feeding the channel) and one write per
     * change.
     */
    private void publish(String sku, Condition which, Cause cause) {
        var rows = dsl.select(FEED_LISTING.CHANNEL_ID, FEED_LISTING.CHANNEL_SKU, FEED_LISTING.ACTIVE,
                        FEED_LISTING.AVAILABLE_TO_SELL, FEED_CHANNEL.SAFETY_BUFFER, FEED_PRODUCT.ACTIVE,
                        FEED_STOCK.ON_HAND, FEED_STOCK.RESERVED, FEED_STOCK.QUARANTINE, FEED_STOCK.REFURBISHMENT)
                .from(FEED_LISTING)
                .join(FEED_CHANNEL).on(FEED_CHANNEL.CHANNEL_ID.eq(FEED_LISTING.CHANNEL_ID))
                .join(FEED_PRODUCT).on(FEED_PRODUCT.SKU.eq(FEED_LISTING.SKU))
                .leftJoin(FEED_CHANNEL_WAREHOUSE).on(FEED_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(FEED_LISTING.CHANNEL_ID))
                .leftJoin(FEED_STOCK).on(FEED_STOCK.SKU.eq(FEED_LISTING.SKU),
                        FEED_STOCK.WAREHOUSE_ID.eq(FEED_CHANNEL_WAREHOUSE.WAREHOUSE_ID))
                .where(FEED_LISTING.SKU.eq(sku), which)
                .orderBy(FEED_LISTING.CHANNEL_ID)
                .fetch();
        Map<String, List<StockPosition>> fed = new LinkedHashMap<>();
        Map<String, Record> listings = new LinkedHashMap<>();
        for (Record row : rows) {
            String channel = row.get(FEED_LISTING.CHANNEL_ID);
            listings.putIfAbsent(channel, row);
            List<StockPosition> positions = fed.computeIfAbsent(channel, c -> new ArrayList<>());
            if (row.get(FEED_STOCK.ON_HAND) != null) {
                positions.add(new StockPosition(row.get(FEED_STOCK.ON_HAND), row.get(FEED_STOCK.RESERVED),
                        row.get(FEED_STOCK.QUARANTINE), row.get(FEED_STOCK.REFURBISHMENT)));
            }
        }
        for (Record listing : listings.values()) {
            String channel = listing.get(FEED_LISTING.CHANNEL_ID);
            boolean active = listing.get(FEED_PRODUCT.ACTIVE);
            int availableToSell = active ? StockPosition.availableToSell(fed.get(channel),
                    listing.get(FEED_CHANNEL.SAFETY_BUFFER)) : 0;
            int published = listing.get(FEED_LISTING.AVAILABLE_TO_SELL);
            boolean first = cause.newListing() && channel.equals(cause.listedOn());
            boolean renamed = !first && channel.equals(cause.listedOn());
            if (!first && !renamed && availableToSell == published && active == listing.get(FEED_LISTING.ACTIVE)) {
                continue;
            }
            dsl.execute(APPEND, channel, availableToSell, active, channel, sku, sku,
                    listing.get(FEED_LISTING.CHANNEL_SKU), active, availableToSell,
                    DSL.val(first ? null : published, Integer.class), cause.event().getClass().getSimpleName(),
                    globalIndex(cause.message()), utc(cause.at()));
        }
    }

    // ---- Rebuild ----------------------------------------------------------------------------------------------

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    /**
     * Clears the tables and starts a new epoch: cursors handed out before point into a log that is being rebuilt, so
     * the feed answers them "resync" (the sequence is outside the transaction: a reset that rolls back still bumps
     * it, which only sends connectors to the snapshot once more).
     */
    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
        dsl.resultQuery("SELECT nextval('channel_feed_epoch')").fetch();
    }

    /** Every ChannelEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ChannelEvent event) {
        return switch (event) {
            case ChannelRegistered e -> APPLIED;
        };
    }

    /** Every ProductEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ProductEvent event) {
        return switch (event) {
            case ProductRegistered e -> APPLIED;
            case ProductListedOnChannel e -> APPLIED;
            case ProductDiscontinued e -> APPLIED;
        };
    }

    /** Every StockItemEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> APPLIED;
            case StockReserved e -> APPLIED;
            case StockReservationReleased e -> APPLIED;
            case StockIssued e -> APPLIED;
            case StockAdjusted e -> APPLIED;
            case StockReturned e -> APPLIED;
            case StockReleasedFromHold e -> APPLIED;
            case HeldStockWrittenOff e -> APPLIED;
            case StockTransferredOut e -> APPLIED;
            case StockCounted e -> ignored("a count changes no quantity by itself; the StockAdjusted recorded for it "
                    + "does");
            case StockCountApproved e -> ignored("the StockAdjusted recorded with the approval carries the variance");
            case StockCountRejected e -> ignored("a rejected count changes no quantity");
        };
    }
}
