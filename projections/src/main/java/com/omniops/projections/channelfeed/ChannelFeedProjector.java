package com.omniops.projections.channelfeed;

import static com.omniops.projections.jooq.Tables.FEED_CHANGE;
import static com.omniops.projections.jooq.Tables.FEED_CHANNEL;
import static com.omniops.projections.jooq.Tables.FEED_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.FEED_LISTING;
import static com.omniops.projections.jooq.Tables.FEED_PRODUCT;
import static com.omniops.projections.jooq.Tables.FEED_STOCK;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
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
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Read model "channel feed": for each channel, the log of changes of its listings' available-to-sell, numbered in
 * the order this processor applies them ({@code change_no}, per channel), which channel connectors poll with a cursor
 * (docs/channels.md), kept from this read model's own copy of the channels, products, listings and stock positions;
 * {@link FeedChanges} decides and writes the changes.
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
    private final FeedChanges changes;
    private final FeedChannelRows channels;

    public ChannelFeedProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
        this.changes = new FeedChanges(dsl);
        this.channels = new FeedChannelRows(dsl);
    }

    // ---- Channel and product --------------------------------------------------------------------------------------

    @EventHandler
    void on(ChannelRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> channels.register(event, seq));
    }

    /**
     * Another buffer or warehouse list changes what the channel may sell of every SKU it lists: each listing whose
     * figure moves gets a change, caused by this event.
     */
    @EventHandler
    void on(ChannelSettingsChanged event, @SequenceNumber long seq, EventMessage<?> message) {
        isolated.run(() -> {
            if (channels.change(event, seq)) {
                changes.publish(FEED_LISTING.CHANNEL_ID.eq(event.channelId()),
                        new FeedChanges.Cause(event, message, event.changedAt(), null, false));
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
            changes.publish(FEED_LISTING.SKU.eq(event.sku()).and(FEED_LISTING.CHANNEL_ID.eq(event.channelId())),
                    new FeedChanges.Cause(event, message, event.listedAt(), event.channelId(), inserted == 1));
        });
    }

    /** A discontinued product is no longer sold: every channel listing it gets 0, not active. */
    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long seq, EventMessage<?> message) {
        isolated.run(() -> {
            if (product(event.sku(), false, seq)) {
                changes.publish(FEED_LISTING.SKU.eq(event.sku()),
                        new FeedChanges.Cause(event, message, event.discontinuedAt(), null, false));
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
            var fedByWarehouse = DSL.select(FEED_CHANNEL_WAREHOUSE.CHANNEL_ID).from(FEED_CHANNEL_WAREHOUSE)
                    .where(FEED_CHANNEL_WAREHOUSE.WAREHOUSE_ID.eq(event.warehouseId()));
            changes.publish(FEED_LISTING.SKU.eq(event.sku()).and(FEED_LISTING.CHANNEL_ID.in(fedByWarehouse)),
                    new FeedChanges.Cause(event, message, StockItemEvents.occurredAt(event), null, false));
        });
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
            case ChannelSettingsChanged e -> APPLIED;
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
