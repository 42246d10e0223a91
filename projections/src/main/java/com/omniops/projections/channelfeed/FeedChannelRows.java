package com.omniops.projections.channelfeed;

import static com.omniops.projections.jooq.Tables.FEED_CHANNEL;
import static com.omniops.projections.jooq.Tables.FEED_CHANNEL_WAREHOUSE;

import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The channel feed's copy of each channel's rules that a listing's figure depends on: its safety buffer and the
 * warehouses feeding it ({@link ChannelFeedProjector}). A channel's row keeps the sequence number of its last event
 * applied, so an event applied twice changes nothing.
 */
final class FeedChannelRows {

    private final DSLContext dsl;

    FeedChannelRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    void register(ChannelRegistered event, long seq) {
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
        if (applied > 0) {
            replaceWarehouses(event.channelId(), event.warehouseIds());
        }
    }

    /** Takes the channel's new buffer and warehouses; false when this event was applied already. */
    boolean change(ChannelSettingsChanged event, long seq) {
        int applied = dsl.update(FEED_CHANNEL)
                .set(FEED_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .set(FEED_CHANNEL.LAST_SEQUENCE, seq)
                .where(FEED_CHANNEL.CHANNEL_ID.eq(event.channelId()), FEED_CHANNEL.LAST_SEQUENCE.lt(seq))
                .execute();
        if (applied > 0) {
            replaceWarehouses(event.channelId(), event.warehouseIds());
        }
        return applied > 0;
    }

    private void replaceWarehouses(String channelId, List<String> warehouses) {
        dsl.deleteFrom(FEED_CHANNEL_WAREHOUSE).where(FEED_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(channelId)).execute();
        var insert = dsl.insertInto(FEED_CHANNEL_WAREHOUSE, FEED_CHANNEL_WAREHOUSE.CHANNEL_ID,
                FEED_CHANNEL_WAREHOUSE.WAREHOUSE_ID);
        for (String warehouse : warehouses) {
            insert = insert.values(channelId, warehouse);
        }
        if (!warehouses.isEmpty()) {
            insert.execute();
        }
    }
}
