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

import com.omniops.projections.support.Page;
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

/** Reads the availability read model; all figures are computed in SQL from the projected rows. */
@Component
public class AvailabilityReadModel {

    private static final Field<Integer> AVAILABLE = greatest(inline(0), AVAILABILITY_STOCK.ON_HAND
            .minus(AVAILABILITY_STOCK.RESERVED).minus(AVAILABILITY_STOCK.QUARANTINE)
            .minus(AVAILABILITY_STOCK.REFURBISHMENT));

    private final DSLContext dsl;

    public AvailabilityReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean channelExists(String channelId) {
        return dsl.fetchExists(AVAILABILITY_CHANNEL, AVAILABILITY_CHANNEL.CHANNEL_ID.eq(channelId));
    }

    /** Active SKUs listed on registered channels, optionally narrowed to one channel and/or one SKU. */
    @Transactional(readOnly = true)
    public AvailabilityPage find(String channelId, String sku, Page page) {
        Condition filter = AVAILABILITY_PRODUCT.ACTIVE.isTrue()
                .and(channelId == null ? noCondition() : AVAILABILITY_LISTING.CHANNEL_ID.eq(channelId))
                .and(sku == null ? noCondition() : AVAILABILITY_LISTING.SKU.eq(sku));

        long total = dsl.fetchCount(dsl.select(AVAILABILITY_LISTING.SKU)
                .from(AVAILABILITY_LISTING)
                .join(AVAILABILITY_PRODUCT).on(AVAILABILITY_PRODUCT.SKU.eq(AVAILABILITY_LISTING.SKU))
                .join(AVAILABILITY_CHANNEL).on(AVAILABILITY_CHANNEL.CHANNEL_ID.eq(AVAILABILITY_LISTING.CHANNEL_ID))
                .where(filter));

        Field<Integer> summedAvailable = coalesce(sum(AVAILABLE), inline(BigDecimal.ZERO)).cast(Integer.class);
        Field<Integer> availableToSell = greatest(inline(0), summedAvailable.minus(AVAILABILITY_CHANNEL.SAFETY_BUFFER))
                .as("available_to_sell");

        var rows = dsl.select(AVAILABILITY_LISTING.CHANNEL_ID, AVAILABILITY_LISTING.SKU,
                        AVAILABILITY_LISTING.CHANNEL_SKU, AVAILABILITY_CHANNEL.SAFETY_BUFFER, availableToSell)
                .from(AVAILABILITY_LISTING)
                .join(AVAILABILITY_PRODUCT).on(AVAILABILITY_PRODUCT.SKU.eq(AVAILABILITY_LISTING.SKU))
                .join(AVAILABILITY_CHANNEL).on(AVAILABILITY_CHANNEL.CHANNEL_ID.eq(AVAILABILITY_LISTING.CHANNEL_ID))
                .leftJoin(AVAILABILITY_CHANNEL_WAREHOUSE)
                .on(AVAILABILITY_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(AVAILABILITY_LISTING.CHANNEL_ID))
                .leftJoin(AVAILABILITY_STOCK)
                .on(AVAILABILITY_STOCK.SKU.eq(AVAILABILITY_LISTING.SKU)
                        .and(AVAILABILITY_STOCK.WAREHOUSE_ID.eq(AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID)))
                .where(filter)
                .groupBy(AVAILABILITY_LISTING.CHANNEL_ID, AVAILABILITY_LISTING.SKU, AVAILABILITY_LISTING.CHANNEL_SKU,
                        AVAILABILITY_CHANNEL.SAFETY_BUFFER)
                .orderBy(AVAILABILITY_LISTING.CHANNEL_ID, AVAILABILITY_LISTING.SKU)
                .limit(page.size())
                .offset(page.offset())
                .fetch();

        Map<Key, List<WarehouseAvailability>> perWarehouse = warehouses(
                rows.map(r -> row(r.get(AVAILABILITY_LISTING.CHANNEL_ID), r.get(AVAILABILITY_LISTING.SKU))));

        List<ChannelAvailability> items = new ArrayList<>(rows.size());
        for (var r : rows) {
            var key = new Key(r.get(AVAILABILITY_LISTING.CHANNEL_ID), r.get(AVAILABILITY_LISTING.SKU));
            items.add(new ChannelAvailability(
                    r.get(AVAILABILITY_LISTING.CHANNEL_ID),
                    r.get(AVAILABILITY_LISTING.SKU),
                    r.get(AVAILABILITY_LISTING.CHANNEL_SKU),
                    r.get(availableToSell),
                    r.get(AVAILABILITY_CHANNEL.SAFETY_BUFFER),
                    perWarehouse.getOrDefault(key, List.of())));
        }
        return new AvailabilityPage(items, page.page(), page.size(), total, page.totalPages(total));
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
                        coalesce(AVAILABLE, inline(0)).as("available"),
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
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(new WarehouseAvailability(
                    r.get(AVAILABILITY_CHANNEL_WAREHOUSE.WAREHOUSE_ID),
                    r.get("on_hand", Integer.class),
                    r.get("reserved", Integer.class),
                    r.get("quarantine", Integer.class),
                    r.get("refurbishment", Integer.class),
                    r.get("available", Integer.class),
                    r.get("in_transit_in", Integer.class)));
        }
        return result;
    }

    private record Key(String channelId, String sku) {
    }
}
