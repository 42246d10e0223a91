package com.omniops.projections.availability;

import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_IN_TRANSIT;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_LISTING;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_PRODUCT;
import static com.omniops.projections.jooq.Tables.AVAILABILITY_STOCK;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import com.omniops.events.stock.StockPosition;
import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the availability read model. The projected rows hold the quantities; what is available and what a channel may
 * sell follow from them by {@link StockPosition}, the one definition the audit explanation uses too.
 */
@Component
public class AvailabilityReadModel {

    private final DSLContext dsl;

    public AvailabilityReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean channelExists(String channelId) {
        return dsl.fetchExists(AVAILABILITY_CHANNEL, AVAILABILITY_CHANNEL.CHANNEL_ID.eq(channelId));
    }

    /** Active SKUs listed on registered channels, optionally narrowed to one channel and/or one SKU. */
    @Transactional(readOnly = true)
    public AvailabilityPage find(String channelId, String sku, PageRequest page) {
        return find(channelId, sku, false, page);
    }

    /**
     * As {@link #find(String, String, PageRequest)}; {@code lowestFirst} orders by available-to-sell, lowest first
     * (then channel and SKU), instead of by channel and SKU: where a channel is about to run out.
     */
    @Transactional(readOnly = true)
    public AvailabilityPage find(String channelId, String sku, boolean lowestFirst, PageRequest page) {
        Condition filter = AVAILABILITY_PRODUCT.ACTIVE.isTrue()
                .and(channelId == null ? noCondition() : AVAILABILITY_LISTING.CHANNEL_ID.eq(channelId))
                .and(sku == null ? noCondition() : AVAILABILITY_LISTING.SKU.eq(sku));

        long total = dsl.fetchCount(dsl.select(AVAILABILITY_LISTING.SKU)
                .from(AVAILABILITY_LISTING)
                .join(AVAILABILITY_PRODUCT).on(AVAILABILITY_PRODUCT.SKU.eq(AVAILABILITY_LISTING.SKU))
                .join(AVAILABILITY_CHANNEL).on(AVAILABILITY_CHANNEL.CHANNEL_ID.eq(AVAILABILITY_LISTING.CHANNEL_ID))
                .where(filter));

        var rows = dsl.select(AVAILABILITY_LISTING.CHANNEL_ID, AVAILABILITY_LISTING.SKU,
                        AVAILABILITY_LISTING.CHANNEL_SKU, AVAILABILITY_CHANNEL.SAFETY_BUFFER)
                .from(AVAILABILITY_LISTING)
                .join(AVAILABILITY_PRODUCT).on(AVAILABILITY_PRODUCT.SKU.eq(AVAILABILITY_LISTING.SKU))
                .join(AVAILABILITY_CHANNEL).on(AVAILABILITY_CHANNEL.CHANNEL_ID.eq(AVAILABILITY_LISTING.CHANNEL_ID))
                .where(filter)
                .orderBy(lowestFirst
                        ? List.of(availableToSell().asc(), AVAILABILITY_LISTING.CHANNEL_ID.asc(),
                                AVAILABILITY_LISTING.SKU.asc())
                        : List.of(AVAILABILITY_LISTING.CHANNEL_ID.asc(), AVAILABILITY_LISTING.SKU.asc()))
                .limit(page.size())
                .offset(page.offset())
                .fetch();

        Map<Key, List<WarehouseAvailability>> perWarehouse = warehouses(
                rows.map(r -> row(r.get(AVAILABILITY_LISTING.CHANNEL_ID), r.get(AVAILABILITY_LISTING.SKU))));

        List<ChannelAvailability> items = new ArrayList<>(rows.size());
        for (var r : rows) {
            var key = new Key(r.get(AVAILABILITY_LISTING.CHANNEL_ID), r.get(AVAILABILITY_LISTING.SKU));
            List<WarehouseAvailability> warehouses = perWarehouse.getOrDefault(key, List.of());
            int safetyBuffer = r.get(AVAILABILITY_CHANNEL.SAFETY_BUFFER);
            items.add(new ChannelAvailability(
                    r.get(AVAILABILITY_LISTING.CHANNEL_ID),
                    r.get(AVAILABILITY_LISTING.SKU),
                    r.get(AVAILABILITY_LISTING.CHANNEL_SKU),
                    StockPosition.availableToSell(
                            warehouses.stream().map(WarehouseAvailability::position).toList(), safetyBuffer),
                    safetyBuffer,
                    warehouses));
        }
        return new AvailabilityPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /**
     * {@link StockPosition#availableToSell} in SQL, for ordering a page only (the figures shown are computed by
     * StockPosition): max(0, Σ over the channel's warehouses of max(0, on hand − reserved − quarantine −
     * refurbishment) − safety buffer).
     */
    private static Field<Integer> availableToSell() {
        Field<Integer> available = greatest(inline(0), coalesce(AVAILABILITY_STOCK.ON_HAND, inline(0))
                .minus(coalesce(AVAILABILITY_STOCK.RESERVED, inline(0)))
                .minus(coalesce(AVAILABILITY_STOCK.QUARANTINE, inline(0)))
                .minus(coalesce(AVAILABILITY_STOCK.REFURBISHMENT, inline(0))));
        Field<Integer> sum = field(select(coalesce(sum(available), inline(BigDecimal.ZERO)))
                .from(AVAILABILITY_CHANNEL_WAREHOUSE)
                .leftJoin(AVAILABILITY_STOCK)
                .on(AVAILABILITY_STOCK.SKU.eq(AVAILABILITY_LISTING.SKU)
                        .and(AVAILABILITY_STOCK.WAREHOUSE_ID.eq(AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID)))
                .where(AVAILABILITY_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(AVAILABILITY_LISTING.CHANNEL_ID)))
                .cast(Integer.class);
        return greatest(inline(0), sum.minus(AVAILABILITY_CHANNEL.SAFETY_BUFFER));
    }

    /** Per-warehouse figures for the given (channel, SKU) pairs, in each channel's priority order. */
    private Map<Key, List<WarehouseAvailability>> warehouses(List<Row2<String, String>> keys) {
        Map<Key, List<WarehouseAvailability>> result = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        var rows = dsl.select(AVAILABILITY_LISTING.CHANNEL_ID, AVAILABILITY_LISTING.SKU,
                        AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID,
                        coalesce(AVAILABILITY_STOCK.ON_HAND, inline(0)).as("on_hand"),
                        coalesce(AVAILABILITY_STOCK.RESERVED, inline(0)).as("reserved"),
                        coalesce(AVAILABILITY_STOCK.QUARANTINE, inline(0)).as("quarantine"),
                        coalesce(AVAILABILITY_STOCK.REFURBISHMENT, inline(0)).as("refurbishment"),
                        field(select(coalesce(sum(AVAILABILITY_IN_TRANSIT.SHIPPED
                                        .minus(AVAILABILITY_IN_TRANSIT.RECEIVED)), inline(BigDecimal.ZERO)))
                                .from(AVAILABILITY_IN_TRANSIT)
                                .where(AVAILABILITY_IN_TRANSIT.SKU.eq(AVAILABILITY_LISTING.SKU))
                                .and(AVAILABILITY_IN_TRANSIT.TO_WAREHOUSE_ID
                                        .eq(AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID)))
                                .cast(Integer.class).as("in_transit_in"))
                .from(AVAILABILITY_LISTING)
                .join(AVAILABILITY_CHANNEL_WAREHOUSE)
                .on(AVAILABILITY_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(AVAILABILITY_LISTING.CHANNEL_ID))
                .leftJoin(AVAILABILITY_STOCK)
                .on(AVAILABILITY_STOCK.SKU.eq(AVAILABILITY_LISTING.SKU)
                        .and(AVAILABILITY_STOCK.WAREHOUSE_ID.eq(AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID)))
                .where(row(AVAILABILITY_LISTING.CHANNEL_ID, AVAILABILITY_LISTING.SKU).in(keys))
                .orderBy(AVAILABILITY_LISTING.CHANNEL_ID, AVAILABILITY_LISTING.SKU,
                        AVAILABILITY_CHANNEL_WAREHOUSE.PRIORITY)
                .fetch();
        for (var r : rows) {
            var key = new Key(r.get(AVAILABILITY_LISTING.CHANNEL_ID), r.get(AVAILABILITY_LISTING.SKU));
            StockPosition position = new StockPosition(r.get("on_hand", Integer.class),
                    r.get("reserved", Integer.class), r.get("quarantine", Integer.class),
                    r.get("refurbishment", Integer.class));
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(WarehouseAvailability.of(
                    r.get(AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID), position,
                    r.get("in_transit_in", Integer.class)));
        }
        return result;
    }

    private record Key(String channelId, String sku) {
    }
}
