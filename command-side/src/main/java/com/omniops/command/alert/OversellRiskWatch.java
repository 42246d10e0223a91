package com.omniops.command.alert;

import com.omniops.command.config.AlertSettings;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockPosition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.omniops.command.jooq.Tables.ALERT_CHANNEL;
import static com.omniops.command.jooq.Tables.ALERT_LOW_STOCK;
import static com.omniops.command.jooq.Tables.ALERT_STOCK;
import static com.omniops.command.jooq.Tables.CHANNEL_LISTING;
import static com.omniops.command.jooq.Tables.PRODUCT_REGISTRY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.val;

/**
 * The alert policy's state for oversell risk: what each channel may sell of each SKU it lists, as
 * {@link StockPosition#availableToSell} defines it (the availability read model's one definition), from its own
 * copies of the channels' warehouses and buffers and of the stock items' quantities. The rule: a channel's SKU is at
 * risk when its available-to-sell is below the channel's safety buffer or {@code oversell-risk-min-available} units,
 * whichever is more. Judged when a stock item's quantities change, so a SKU that never had stock raises nothing.
 */
@Component
class OversellRiskWatch {

    /** A channel listing the SKU, what it may sell of it, and where its alert stands. */
    record Judgement(String channelId, String sku, int availableToSell, int threshold, boolean atRisk,
                     boolean flagged) {
    }

    private final DSLContext dsl;
    private final int minAvailable;

    OversellRiskWatch(DSLContext dsl, AlertSettings settings) {
        this.dsl = dsl;
        this.minAvailable = settings.oversellRiskMinAvailable();
    }

    void channel(ChannelRegistered event) {
        dsl.insertInto(ALERT_CHANNEL)
                .set(ALERT_CHANNEL.CHANNEL_ID, event.channelId())
                .set(ALERT_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .set(ALERT_CHANNEL.WAREHOUSE_IDS, event.warehouseIds().toArray(String[]::new))
                .onConflict(ALERT_CHANNEL.CHANNEL_ID).doNothing()
                .execute();
    }

    /** Records the stock item's quantities and judges every channel that sells the SKU from its warehouse. */
    List<Judgement> stockChanged(StockItemEvent event) {
        HeldQuantities held = event instanceof HeldQuantities quantities ? quantities : null;
        var insert = dsl.insertInto(ALERT_STOCK)
                .set(ALERT_STOCK.WAREHOUSE_ID, event.warehouseId())
                .set(ALERT_STOCK.SKU, event.sku())
                .set(ALERT_STOCK.ON_HAND, event.onHandAfter())
                .set(ALERT_STOCK.RESERVED, event.reservedAfter())
                .set(ALERT_STOCK.QUARANTINE, held == null ? 0 : held.quarantineAfter())
                .set(ALERT_STOCK.REFURBISHMENT, held == null ? 0 : held.refurbishmentAfter())
                .onConflict(ALERT_STOCK.SKU, ALERT_STOCK.WAREHOUSE_ID).doUpdate()
                .set(ALERT_STOCK.ON_HAND, event.onHandAfter())
                .set(ALERT_STOCK.RESERVED, event.reservedAfter());
        // only the events that can change held units carry them; the others leave them as they are
        (held == null ? insert : insert.set(ALERT_STOCK.QUARANTINE, held.quarantineAfter())
                .set(ALERT_STOCK.REFURBISHMENT, held.refurbishmentAfter())).execute();

        return dsl.select(ALERT_CHANNEL.CHANNEL_ID, ALERT_CHANNEL.SAFETY_BUFFER, ALERT_CHANNEL.WAREHOUSE_IDS,
                        PRODUCT_REGISTRY.DISCONTINUED)
                .from(ALERT_CHANNEL)
                .join(CHANNEL_LISTING).on(CHANNEL_LISTING.CHANNEL_ID.eq(ALERT_CHANNEL.CHANNEL_ID)
                        .and(CHANNEL_LISTING.SKU.eq(event.sku())))
                .join(PRODUCT_REGISTRY).on(PRODUCT_REGISTRY.SKU.eq(CHANNEL_LISTING.SKU))
                .where(val(event.warehouseId()).eq(any(ALERT_CHANNEL.WAREHOUSE_IDS)))
                .fetch(r -> judge(r.value1(), event.sku(), r.value2(), r.value3(), r.value4()));
    }

    private Judgement judge(String channelId, String sku, int safetyBuffer, String[] warehouses,
                            boolean discontinued) {
        List<StockPosition> positions = dsl.select(ALERT_STOCK.ON_HAND, ALERT_STOCK.RESERVED, ALERT_STOCK.QUARANTINE,
                        ALERT_STOCK.REFURBISHMENT)
                .from(ALERT_STOCK)
                .where(ALERT_STOCK.SKU.eq(sku).and(ALERT_STOCK.WAREHOUSE_ID.in(List.of(warehouses))))
                .fetch(r -> new StockPosition(r.value1(), r.value2(), r.value3(), r.value4()));
        int availableToSell = StockPosition.availableToSell(positions, safetyBuffer);
        int threshold = Math.max(safetyBuffer, minAvailable);
        boolean flagged = dsl.fetchExists(ALERT_LOW_STOCK, ALERT_LOW_STOCK.CHANNEL_ID.eq(channelId)
                .and(ALERT_LOW_STOCK.SKU.eq(sku)));
        // a discontinued product is not restocked on purpose: running out is the plan, not a risk
        return new Judgement(channelId, sku, availableToSell, threshold, !discontinued && availableToSell < threshold,
                flagged);
    }

    void flagged(String channelId, String sku) {
        dsl.insertInto(ALERT_LOW_STOCK).set(ALERT_LOW_STOCK.CHANNEL_ID, channelId).set(ALERT_LOW_STOCK.SKU, sku)
                .onConflictDoNothing().execute();
    }

    void cleared(String channelId, String sku) {
        dsl.deleteFrom(ALERT_LOW_STOCK).where(ALERT_LOW_STOCK.CHANNEL_ID.eq(channelId)
                .and(ALERT_LOW_STOCK.SKU.eq(sku))).execute();
    }
}
