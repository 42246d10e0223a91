package com.omniops.projections.masterdata;

import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL;
import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.MASTER_LISTING;
import static com.omniops.projections.jooq.Tables.MASTER_PRODUCT;
import static com.omniops.projections.jooq.Tables.MASTER_STOCK_ITEM;
import static com.omniops.projections.support.Columns.utc;
import static com.omniops.projections.support.EventUse.APPLIED;
import static com.omniops.projections.support.EventUse.ignored;

import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReleasedFromHold;
import com.omniops.events.stock.StockReservationReleased;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Read model "master-data": products and their listings, channels and their rules, and which stock items exist (for
 * the derived warehouses). Queried by {@link MasterDataReadModel}.
 * <p>
 * Idempotency: product and channel rows keep the sequence number of their aggregate's last applied event and change
 * only for a higher one; a listing keeps its own; a stock item row is written once (its first receipt). Redelivery
 * and replay therefore leave the same rows.
 */
@Component
@ProcessingGroup(MasterDataProjector.PROCESSING_GROUP)
public class MasterDataProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "master-data";

    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, MasterDataProjector::new,
            MASTER_LISTING, MASTER_PRODUCT, MASTER_CHANNEL_WAREHOUSE, MASTER_CHANNEL, MASTER_STOCK_ITEM);
    public static final String ACTIVE = "ACTIVE";
    public static final String DISCONTINUED = "DISCONTINUED";

    private final DSLContext dsl;
    private final Savepoints isolated;

    public MasterDataProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(MASTER_PRODUCT)
                .set(MASTER_PRODUCT.SKU, event.sku())
                .set(MASTER_PRODUCT.NAME, event.name())
                .set(MASTER_PRODUCT.UNIT_OF_MEASURE, event.unitOfMeasure())
                .set(MASTER_PRODUCT.TAX_CATEGORY, event.taxCategory())
                .set(MASTER_PRODUCT.STATUS, ACTIVE)
                .set(MASTER_PRODUCT.REGISTERED_AT, utc(event.registeredAt()))
                .set(MASTER_PRODUCT.LAST_SEQUENCE, seq)
                .onConflict(MASTER_PRODUCT.SKU).doNothing()
                .execute());
    }

    @EventHandler
    void on(ProductListedOnChannel event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(MASTER_LISTING)
                .set(MASTER_LISTING.SKU, event.sku())
                .set(MASTER_LISTING.CHANNEL_ID, event.channelId())
                .set(MASTER_LISTING.CHANNEL_SKU, event.channelSku())
                .set(MASTER_LISTING.LISTED_AT, utc(event.listedAt()))
                .set(MASTER_LISTING.LAST_SEQUENCE, seq)
                .onConflict(MASTER_LISTING.SKU, MASTER_LISTING.CHANNEL_ID).doUpdate()
                .set(MASTER_LISTING.CHANNEL_SKU, event.channelSku())
                .set(MASTER_LISTING.LISTED_AT, utc(event.listedAt()))
                .set(MASTER_LISTING.LAST_SEQUENCE, seq)
                .where(MASTER_LISTING.LAST_SEQUENCE.lt(seq))
                .execute());
    }

    @EventHandler
    void on(ProductDiscontinued event, @SequenceNumber long seq) {
        isolated.run(() -> dsl.update(MASTER_PRODUCT)
                .set(MASTER_PRODUCT.STATUS, DISCONTINUED)
                .set(MASTER_PRODUCT.DISCONTINUED_AT, utc(event.discontinuedAt()))
                .set(MASTER_PRODUCT.DISCONTINUED_REASON, event.reason())
                .set(MASTER_PRODUCT.LAST_SEQUENCE, seq)
                .where(MASTER_PRODUCT.SKU.eq(event.sku()))
                .and(MASTER_PRODUCT.LAST_SEQUENCE.lt(seq))
                .execute());
    }

    @EventHandler
    void on(ChannelRegistered event, @SequenceNumber long seq) {
        isolated.run(() -> {
            int applied = dsl.insertInto(MASTER_CHANNEL)
                    .set(MASTER_CHANNEL.CHANNEL_ID, event.channelId())
                    .set(MASTER_CHANNEL.NAME, event.name())
                    .set(MASTER_CHANNEL.TYPE, event.type().name())
                    .set(MASTER_CHANNEL.ALLOCATION_STRATEGY, event.allocationStrategy().name())
                    .set(MASTER_CHANNEL.BACKORDERS_ALLOWED, event.backordersAllowed())
                    .set(MASTER_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                    .set(MASTER_CHANNEL.CURRENCY, event.currency())
                    .set(MASTER_CHANNEL.PRICES_INCLUDE_TAX, event.pricesIncludeTax())
                    .set(MASTER_CHANNEL.REGISTERED_AT, utc(event.registeredAt()))
                    .set(MASTER_CHANNEL.LAST_SEQUENCE, seq)
                    .onConflict(MASTER_CHANNEL.CHANNEL_ID).doNothing()
                    .execute();
            if (applied == 0) {
                return; // applied before
            }
            insertWarehouses(event.channelId(), event.warehouseIds());
        });
    }

    @EventHandler
    void on(ChannelSettingsChanged event, @SequenceNumber long seq) {
        isolated.run(() -> {
            int applied = dsl.update(MASTER_CHANNEL)
                    .set(MASTER_CHANNEL.ALLOCATION_STRATEGY, event.allocationStrategy().name())
                    .set(MASTER_CHANNEL.BACKORDERS_ALLOWED, event.backordersAllowed())
                    .set(MASTER_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                    .set(MASTER_CHANNEL.SETTINGS_CHANGED_AT, utc(event.changedAt()))
                    .set(MASTER_CHANNEL.LAST_SEQUENCE, seq)
                    .where(MASTER_CHANNEL.CHANNEL_ID.eq(event.channelId()), MASTER_CHANNEL.LAST_SEQUENCE.lt(seq))
                    .execute();
            if (applied > 0) {
                dsl.deleteFrom(MASTER_CHANNEL_WAREHOUSE)
                        .where(MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(event.channelId())).execute();
                insertWarehouses(event.channelId(), event.warehouseIds());
            }
        });
    }

    private void insertWarehouses(String channelId, List<String> warehouses) {
        var insert = dsl.insertInto(MASTER_CHANNEL_WAREHOUSE, MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID,
                MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID, MASTER_CHANNEL_WAREHOUSE.PRIORITY);
        for (int i = 0; i < warehouses.size(); i++) {
            insert = insert.values(channelId, warehouses.get(i), i + 1);
        }
        if (!warehouses.isEmpty()) {
            insert.onConflictDoNothing().execute();
        }
    }

    /** Only receipts: every stock item starts with one, so this sees each stock item without reading every event. */
    @EventHandler
    void on(StockReceived event) {
        isolated.run(() -> dsl.insertInto(MASTER_STOCK_ITEM)
                .set(MASTER_STOCK_ITEM.STOCK_ITEM_ID, event.stockItemId())
                .set(MASTER_STOCK_ITEM.WAREHOUSE_ID, event.warehouseId())
                .set(MASTER_STOCK_ITEM.SKU, event.sku())
                .set(MASTER_STOCK_ITEM.FIRST_RECEIVED_AT, utc(event.receivedAt()))
                .onConflict(MASTER_STOCK_ITEM.STOCK_ITEM_ID).doNothing()
                .execute());
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /** Every ProductEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ProductEvent event) {
        return switch (event) {
            case ProductRegistered e -> APPLIED;
            case ProductListedOnChannel e -> APPLIED;
            case ProductDiscontinued e -> APPLIED;
        };
    }

    /** Every ChannelEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ChannelEvent event) {
        return switch (event) {
            case ChannelRegistered e -> APPLIED;
            case ChannelSettingsChanged e -> APPLIED;
        };
    }

    /** Every StockItemEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> APPLIED;
            case StockReserved e -> ignored("every stock item starts with a StockReceived, which is all the master "
                    + "data needs to know it exists");
            case StockReservationReleased e -> ignored("every stock item starts with a StockReceived, which is all "
                    + "the master data needs to know it exists");
            case StockIssued e -> ignored("every stock item starts with a StockReceived, which is all the master "
                    + "data needs to know it exists");
            case StockAdjusted e -> ignored("every stock item starts with a StockReceived, which is all the master "
                    + "data needs to know it exists");
            case StockReturned e -> ignored("every stock item starts with a StockReceived, which is all the master "
                    + "data needs to know it exists");
            case StockReleasedFromHold e -> ignored("every stock item starts with a StockReceived, which is all the "
                    + "master data needs to know it exists");
            case HeldStockWrittenOff e -> ignored("every stock item starts with a StockReceived, which is all the "
                    + "master data needs to know it exists");
            case StockTransferredOut e -> ignored("every stock item starts with a StockReceived, which is all the "
                    + "master data needs to know it exists");
            case StockCounted e -> ignored("every stock item starts with a StockReceived, which is all the master "
                    + "data needs to know it exists");
            case StockCountApproved e -> ignored("every stock item starts with a StockReceived, which is all the "
                    + "master data needs to know it exists");
            case StockCountRejected e -> ignored("every stock item starts with a StockReceived, which is all the "
                    + "master data needs to know it exists");
        };
    }
}
