package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_CHANNEL;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_STOCK_DAY;
import static com.omniops.projections.jooq.Tables.KPI_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.KPI_LISTING;
import static com.omniops.projections.jooq.Tables.KPI_SKU_STOCK;

import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockPosition;
import com.omniops.projections.jooq.tables.records.KpiListingRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The in-stock rows of the kpis read model ({@link KpisProjector}): each channel's warehouses and buffer, each listing
 * and whether the channel may sell any of it ({@link StockPosition#availableToSell}, the availability read model's one
 * definition, from this model's own copy of the stock positions), and per channel and UTC day the SKUs listed and in
 * stock at the day's end and the stockouts during it. Called inside the event's savepoint.
 */
final class InStockRows {

    private final DSLContext dsl;

    InStockRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    void channel(ChannelRegistered event) {
        int inserted = dsl.insertInto(KPI_CHANNEL)
                .set(KPI_CHANNEL.CHANNEL_ID, event.channelId())
                .set(KPI_CHANNEL.SAFETY_BUFFER, event.safetyBuffer())
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            for (String warehouse : event.warehouseIds()) {
                dsl.insertInto(KPI_CHANNEL_WAREHOUSE)
                        .set(KPI_CHANNEL_WAREHOUSE.CHANNEL_ID, event.channelId())
                        .set(KPI_CHANNEL_WAREHOUSE.WAREHOUSE_ID, warehouse)
                        .onConflictDoNothing()
                        .execute();
            }
        }
    }

    /** A SKU listed on a channel from {@code day}: one more SKU-day a day, in stock if the channel may sell it. */
    void listed(String channelId, String sku, LocalDate day) {
        boolean inStock = availableToSell(channelId, sku) > 0;
        int inserted = dsl.insertInto(KPI_LISTING)
                .set(KPI_LISTING.CHANNEL_ID, channelId)
                .set(KPI_LISTING.SKU, sku)
                .set(KPI_LISTING.IN_STOCK, inStock)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            add(channelId, day, 1, inStock ? 1 : 0, 0);
        }
    }

    /** A discontinued product stops counting on every channel from {@code day}: running out is then the plan. */
    void discontinued(String sku, LocalDate day) {
        for (KpiListingRecord listing : dsl.selectFrom(KPI_LISTING)
                .where(KPI_LISTING.SKU.eq(sku), KPI_LISTING.DISCONTINUED.isFalse()).fetch()) {
            listing.setDiscontinued(true);
            listing.update();
            add(listing.getChannelId(), day, -1, listing.getInStock() ? -1 : 0, 0);
        }
    }

    /** Records the stock item's quantities and judges again every listing of the SKU on a channel it feeds. */
    void stockChanged(StockItemEvent event, LocalDate day) {
        HeldQuantities held = event instanceof HeldQuantities quantities ? quantities : null;
        var insert = dsl.insertInto(KPI_SKU_STOCK)
                .set(KPI_SKU_STOCK.SKU, event.sku())
                .set(KPI_SKU_STOCK.WAREHOUSE_ID, event.warehouseId())
                .set(KPI_SKU_STOCK.ON_HAND, event.onHandAfter())
                .set(KPI_SKU_STOCK.RESERVED, event.reservedAfter())
                .set(KPI_SKU_STOCK.QUARANTINE, held == null ? 0 : held.quarantineAfter())
                .set(KPI_SKU_STOCK.REFURBISHMENT, held == null ? 0 : held.refurbishmentAfter())
                .onConflict(KPI_SKU_STOCK.SKU, KPI_SKU_STOCK.WAREHOUSE_ID).doUpdate()
                .set(KPI_SKU_STOCK.ON_HAND, event.onHandAfter())
                .set(KPI_SKU_STOCK.RESERVED, event.reservedAfter());
        // only the events that can change held units carry them; the others leave them as they are
        (held == null ? insert : insert.set(KPI_SKU_STOCK.QUARANTINE, held.quarantineAfter())
                .set(KPI_SKU_STOCK.REFURBISHMENT, held.refurbishmentAfter())).execute();
        List<KpiListingRecord> listings = dsl.selectFrom(KPI_LISTING)
                .where(KPI_LISTING.SKU.eq(event.sku()), KPI_LISTING.DISCONTINUED.isFalse(),
                        KPI_LISTING.CHANNEL_ID.in(dsl.select(KPI_CHANNEL_WAREHOUSE.CHANNEL_ID)
                                .from(KPI_CHANNEL_WAREHOUSE)
                                .where(KPI_CHANNEL_WAREHOUSE.WAREHOUSE_ID.eq(event.warehouseId()))))
                .fetch();
        if (listings.isEmpty()) {
            return;
        }
        Map<String, Integer> available = availableToSell(
                listings.stream().map(KpiListingRecord::getChannelId).toList(), event.sku());
        for (KpiListingRecord listing : listings) {
            boolean inStock = available.get(listing.getChannelId()) > 0;
            if (inStock != listing.getInStock()) {
                listing.setInStock(inStock);
                listing.update();
                add(listing.getChannelId(), day, 0, inStock ? 1 : -1, inStock ? 0 : 1);
            }
        }
    }

    private int availableToSell(String channelId, String sku) {
        return availableToSell(List.of(channelId), sku).get(channelId);
    }

    /**
     * What each channel may sell of the SKU ({@link StockPosition#availableToSell} over the channel's warehouses):
     * two reads whatever the number of channels, since a stock event judges every channel the item feeds.
     */
    private Map<String, Integer> availableToSell(Collection<String> channelIds, String sku) {
        Map<String, Integer> buffers = new HashMap<>();
        Map<String, List<String>> warehousesOf = new HashMap<>();
        dsl.select(KPI_CHANNEL.CHANNEL_ID, KPI_CHANNEL.SAFETY_BUFFER, KPI_CHANNEL_WAREHOUSE.WAREHOUSE_ID)
                .from(KPI_CHANNEL).leftJoin(KPI_CHANNEL_WAREHOUSE)
                .on(KPI_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(KPI_CHANNEL.CHANNEL_ID))
                .where(KPI_CHANNEL.CHANNEL_ID.in(channelIds))
                .forEach(r -> {
                    buffers.put(r.value1(), r.value2());
                    List<String> warehouses = warehousesOf.computeIfAbsent(r.value1(), c -> new ArrayList<>());
                    if (r.value3() != null) {
                        warehouses.add(r.value3());
                    }
                });
        Map<String, StockPosition> positions = new HashMap<>();
        dsl.select(KPI_SKU_STOCK.WAREHOUSE_ID, KPI_SKU_STOCK.ON_HAND, KPI_SKU_STOCK.RESERVED,
                        KPI_SKU_STOCK.QUARANTINE, KPI_SKU_STOCK.REFURBISHMENT)
                .from(KPI_SKU_STOCK).where(KPI_SKU_STOCK.SKU.eq(sku))
                .forEach(r -> positions.put(r.value1(), new StockPosition(r.value2(), r.value3(), r.value4(),
                        r.value5())));
        Map<String, Integer> available = new HashMap<>();
        for (String channelId : channelIds) {
            if (!buffers.containsKey(channelId)) {
                throw new IllegalStateException("Channel " + channelId + " is not in the kpis read model");
            }
            List<StockPosition> fed = warehousesOf.get(channelId).stream().map(positions::get)
                    .filter(Objects::nonNull).toList();
            available.put(channelId, StockPosition.availableToSell(fed, buffers.get(channelId)));
        }
        return available;
    }

    /**
     * Adds to a channel's day: the SKUs listed and in stock at its end move by {@code listed} and {@code inStock} (and
     * so do the days after it already written, for an event stored after later ones), stockouts by {@code stockouts}.
     */
    private void add(String channelId, LocalDate day, int listed, int inStock, int stockouts) {
        Record2<Integer, Integer> before = dsl.select(KPI_CHANNEL_STOCK_DAY.LISTED_END,
                        KPI_CHANNEL_STOCK_DAY.IN_STOCK_END)
                .from(KPI_CHANNEL_STOCK_DAY)
                .where(KPI_CHANNEL_STOCK_DAY.CHANNEL_ID.eq(channelId), KPI_CHANNEL_STOCK_DAY.DAY.lt(day))
                .orderBy(KPI_CHANNEL_STOCK_DAY.DAY.desc()).limit(1)
                .fetchOne();
        dsl.insertInto(KPI_CHANNEL_STOCK_DAY)
                .set(KPI_CHANNEL_STOCK_DAY.CHANNEL_ID, channelId)
                .set(KPI_CHANNEL_STOCK_DAY.DAY, day)
                .set(KPI_CHANNEL_STOCK_DAY.LISTED_END, (before == null ? 0 : before.value1()) + listed)
                .set(KPI_CHANNEL_STOCK_DAY.IN_STOCK_END, (before == null ? 0 : before.value2()) + inStock)
                .set(KPI_CHANNEL_STOCK_DAY.STOCKOUTS, stockouts)
                .onConflict(KPI_CHANNEL_STOCK_DAY.CHANNEL_ID, KPI_CHANNEL_STOCK_DAY.DAY).doUpdate()
                .set(KPI_CHANNEL_STOCK_DAY.LISTED_END, KPI_CHANNEL_STOCK_DAY.LISTED_END.plus(listed))
                .set(KPI_CHANNEL_STOCK_DAY.IN_STOCK_END, KPI_CHANNEL_STOCK_DAY.IN_STOCK_END.plus(inStock))
                .set(KPI_CHANNEL_STOCK_DAY.STOCKOUTS, KPI_CHANNEL_STOCK_DAY.STOCKOUTS.plus(stockouts))
                .execute();
        if (listed != 0 || inStock != 0) {
            dsl.update(KPI_CHANNEL_STOCK_DAY)
                    .set(KPI_CHANNEL_STOCK_DAY.LISTED_END, KPI_CHANNEL_STOCK_DAY.LISTED_END.plus(listed))
                    .set(KPI_CHANNEL_STOCK_DAY.IN_STOCK_END, KPI_CHANNEL_STOCK_DAY.IN_STOCK_END.plus(inStock))
                    .where(KPI_CHANNEL_STOCK_DAY.CHANNEL_ID.eq(channelId), KPI_CHANNEL_STOCK_DAY.DAY.gt(day))
                    .execute();
        }
    }
}
