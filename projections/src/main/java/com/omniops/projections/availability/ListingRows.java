package com.omniops.projections.availability;

import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_LISTING;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_PRODUCT;

import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.projections.support.ProjectionWrites.Statement;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What each channel may sell: the channel with its safety buffer and warehouses in priority order, the products
 * (active or discontinued) and their listings per channel. A channel's and a product's rows only change for an event
 * newer than their {@code last_sequence}.
 */
final class ListingRows {

    /** Binds: SKU, active, sequence number. */
    private static final String UPSERT_PRODUCT = """
            INSERT INTO availability_product (sku, active, last_sequence) VALUES (?, ?, ?)
            ON CONFLICT (sku) DO UPDATE SET active = excluded.active, last_sequence = excluded.last_sequence
            WHERE availability_product.last_sequence < excluded.last_sequence""";

    private final DSLContext dsl;

    ListingRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    void registerChannel(ChannelRegistered event, long seq) {
        int applied = dsl.insertInto(AVAILABILITY_CHANNEL)
                .set(AVAILABILITY_CHANNEL.CHANNEL_ID, event.channelId())
                .set(AVAILABILITY_CHANNEL.NAME, event.name())
                .set(AVAILABILITY_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .set(AVAILABILITY_CHANNEL.LAST_SEQUENCE, seq)
                .onConflict(AVAILABILITY_CHANNEL.CHANNEL_ID)
                .doUpdate()
                .set(AVAILABILITY_CHANNEL.NAME, event.name())
                .set(AVAILABILITY_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .set(AVAILABILITY_CHANNEL.LAST_SEQUENCE, seq)
                .where(AVAILABILITY_CHANNEL.LAST_SEQUENCE.lt(seq))
                .execute();
        if (applied > 0) {
            replaceWarehouses(event.channelId(), event.warehouseIds(), seq);
        }
    }

    /** Another buffer or warehouse list changes what the channel may sell of every SKU; the figures follow on read. */
    void changeChannel(ChannelSettingsChanged event, long seq) {
        int applied = dsl.update(AVAILABILITY_CHANNEL)
                .set(AVAILABILITY_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .set(AVAILABILITY_CHANNEL.LAST_SEQUENCE, seq)
                .where(AVAILABILITY_CHANNEL.CHANNEL_ID.eq(event.channelId()))
                .and(AVAILABILITY_CHANNEL.LAST_SEQUENCE.lt(seq))
                .execute();
        if (applied > 0) {
            replaceWarehouses(event.channelId(), event.warehouseIds(), seq);
        }
    }

    private void replaceWarehouses(String channelId, List<String> warehouses, long seq) {
        dsl.deleteFrom(AVAILABILITY_CHANNEL_WAREHOUSE)
                .where(AVAILABILITY_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(channelId))
                .execute();
        var insert = dsl.insertInto(AVAILABILITY_CHANNEL_WAREHOUSE,
                AVAILABILITY_CHANNEL_WAREHOUSE.CHANNEL_ID, AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID,
                AVAILABILITY_CHANNEL_WAREHOUSE.PRIORITY, AVAILABILITY_CHANNEL_WAREHOUSE.LAST_SEQUENCE);
        for (int i = 0; i < warehouses.size(); i++) {
            insert = insert.values(channelId, warehouses.get(i), i + 1, seq);
        }
        if (!warehouses.isEmpty()) {
            insert.execute();
        }
    }

    /** Registered products are active, discontinued ones are not. One statement, so a batch can queue it. */
    static Statement upsertProduct(String sku, boolean active, long seq) {
        return new Statement(UPSERT_PRODUCT, sku, active, seq);
    }

    void list(ProductListedOnChannel event, long seq) {
        if (!advanceProduct(event.sku(), seq)) {
            return;
        }
        dsl.insertInto(AVAILABILITY_LISTING)
                .set(AVAILABILITY_LISTING.SKU, event.sku())
                .set(AVAILABILITY_LISTING.CHANNEL_ID, event.channelId())
                .set(AVAILABILITY_LISTING.CHANNEL_SKU, event.channelSku())
                .set(AVAILABILITY_LISTING.LAST_SEQUENCE, seq)
                .onConflict(AVAILABILITY_LISTING.SKU, AVAILABILITY_LISTING.CHANNEL_ID)
                .doUpdate()
                .set(AVAILABILITY_LISTING.CHANNEL_SKU, event.channelSku())
                .set(AVAILABILITY_LISTING.LAST_SEQUENCE, seq)
                .execute();
    }

    /** Moves the product's position to {@code seq}; false when that event was applied already. */
    private boolean advanceProduct(String sku, long seq) {
        return dsl.insertInto(AVAILABILITY_PRODUCT)
                .set(AVAILABILITY_PRODUCT.SKU, sku)
                .set(AVAILABILITY_PRODUCT.ACTIVE, true)
                .set(AVAILABILITY_PRODUCT.LAST_SEQUENCE, seq)
                .onConflict(AVAILABILITY_PRODUCT.SKU)
                .doUpdate()
                .set(AVAILABILITY_PRODUCT.LAST_SEQUENCE, seq)
                .where(AVAILABILITY_PRODUCT.LAST_SEQUENCE.lt(seq))
                .execute() > 0;
    }
}
