package com.omniops.projections.channelfeed;

import static com.omniops.projections.jooq.Tables.FEED_CHANNEL;
import static com.omniops.projections.jooq.Tables.FEED_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.FEED_LISTING;
import static com.omniops.projections.jooq.Tables.FEED_PRODUCT;
import static com.omniops.projections.jooq.Tables.FEED_STOCK;
import static com.omniops.projections.support.Columns.globalIndex;
import static com.omniops.projections.support.Columns.utc;

import com.omniops.events.stock.StockPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The channel feed's changes ({@link ChannelFeedProjector}): recomputes a SKU's available-to-sell on the channels
 * listing it ({@link StockPosition#availableToSell}, the definition the availability read model uses) from the read
 * model's own rows, and appends a numbered change to each channel's log whose figure, or whether its product is still
 * sold, differs from what the feed last published; listing a SKU on a channel always publishes its first figure.
 */
final class FeedChanges {

    private final DSLContext dsl;

    FeedChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The event behind a change. {@code listedOn}/{@code newListing}: the channel a listing event is about, and
     * whether it listed the SKU there for the first time (its figure is then published whatever it is, with no
     * previous one).
     */
    record Cause(Object event, EventMessage<?> message, Instant at, String listedOn, boolean newListing) {
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
     * Recomputes the available-to-sell of each listing {@code which} selects (one SKU on the channels listing it, or
     * every SKU of a channel whose rules changed), and appends a change for each whose figure (or active flag)
     * differs from what the feed last published: one read (each listing with its channel, product and the stock of
     * each warehouse feeding the channel) and one write per change.
     */
    void publish(Condition which, Cause cause) {
        var rows = dsl.select(FEED_LISTING.CHANNEL_ID, FEED_LISTING.SKU, FEED_LISTING.CHANNEL_SKU,
                        FEED_LISTING.ACTIVE, FEED_LISTING.AVAILABLE_TO_SELL, FEED_CHANNEL.SAFETY_BUFFER,
                        FEED_PRODUCT.ACTIVE, FEED_STOCK.ON_HAND, FEED_STOCK.RESERVED, FEED_STOCK.QUARANTINE,
                        FEED_STOCK.REFURBISHMENT)
                .from(FEED_LISTING)
                .join(FEED_CHANNEL).on(FEED_CHANNEL.CHANNEL_ID.eq(FEED_LISTING.CHANNEL_ID))
                .join(FEED_PRODUCT).on(FEED_PRODUCT.SKU.eq(FEED_LISTING.SKU))
                .leftJoin(FEED_CHANNEL_WAREHOUSE).on(FEED_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(FEED_LISTING.CHANNEL_ID))
                .leftJoin(FEED_STOCK).on(FEED_STOCK.SKU.eq(FEED_LISTING.SKU),
                        FEED_STOCK.WAREHOUSE_ID.eq(FEED_CHANNEL_WAREHOUSE.WAREHOUSE_ID))
                .where(which)
                .orderBy(FEED_LISTING.CHANNEL_ID, FEED_LISTING.SKU)
                .fetch();
        Map<Listing, List<StockPosition>> fed = new LinkedHashMap<>();
        Map<Listing, Record> listings = new LinkedHashMap<>();
        for (Record row : rows) {
            Listing key = new Listing(row.get(FEED_LISTING.CHANNEL_ID), row.get(FEED_LISTING.SKU));
            listings.putIfAbsent(key, row);
            List<StockPosition> positions = fed.computeIfAbsent(key, c -> new ArrayList<>());
            if (row.get(FEED_STOCK.ON_HAND) != null) {
                positions.add(new StockPosition(row.get(FEED_STOCK.ON_HAND), row.get(FEED_STOCK.RESERVED),
                        row.get(FEED_STOCK.QUARANTINE), row.get(FEED_STOCK.REFURBISHMENT)));
            }
        }
        listings.forEach((key, listing) -> append(key, listing, fed.get(key), cause));
    }

    private void append(Listing key, Record listing, List<StockPosition> fed, Cause cause) {
        String channel = key.channelId();
        boolean active = listing.get(FEED_PRODUCT.ACTIVE);
        int availableToSell = active ? StockPosition.availableToSell(fed, listing.get(FEED_CHANNEL.SAFETY_BUFFER)) : 0;
        int published = listing.get(FEED_LISTING.AVAILABLE_TO_SELL);
        boolean first = cause.newListing() && channel.equals(cause.listedOn());
        boolean renamed = !first && channel.equals(cause.listedOn());
        if (!first && !renamed && availableToSell == published && active == listing.get(FEED_LISTING.ACTIVE)) {
            return;
        }
        dsl.execute(APPEND, channel, availableToSell, active, channel, key.sku(), key.sku(),
                listing.get(FEED_LISTING.CHANNEL_SKU), active, availableToSell,
                DSL.val(first ? null : published, Integer.class), cause.event().getClass().getSimpleName(),
                globalIndex(cause.message()), utc(cause.at()));
    }

    private record Listing(String channelId, String sku) {
    }
}
