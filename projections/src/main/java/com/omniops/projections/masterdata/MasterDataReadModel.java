package com.omniops.projections.masterdata;

import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL;
import static com.omniops.projections.jooq.Tables.MASTER_CHANNEL_WAREHOUSE;
import static com.omniops.projections.jooq.Tables.MASTER_LISTING;
import static com.omniops.projections.jooq.Tables.MASTER_PRODUCT;
import static com.omniops.projections.jooq.Tables.MASTER_STOCK_ITEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.selectDistinct;

import com.omniops.projections.jooq.tables.records.MasterChannelRecord;
import com.omniops.projections.jooq.tables.records.MasterListingRecord;
import com.omniops.projections.jooq.tables.records.MasterProductRecord;
import com.omniops.projections.support.PageRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the master-data read model: products, channels and the warehouses derived from both and the stock items. */
@Component
public class MasterDataReadModel {

    private final DSLContext dsl;

    public MasterDataReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- products ----------------------------------------------------------------------------------------------

    /**
     * Products by SKU; optionally of one status, listed on one channel, and/or whose SKU or name contains
     * {@code text} (case-insensitive, no wildcards). With {@code onlyThatChannelsListings} the listings shown are
     * those on {@code channelId} only (a channel integration sees no other channel's listings).
     */
    @Transactional(readOnly = true)
    public ProductsPage products(String status, String channelId, String text, boolean onlyThatChannelsListings,
                                 PageRequest page) {
        Condition filter = (status == null ? noCondition() : MASTER_PRODUCT.STATUS.eq(status))
                .and(channelId == null ? noCondition() : listedOn(channelId))
                .and(text == null ? noCondition()
                        : MASTER_PRODUCT.SKU.containsIgnoreCase(text).or(MASTER_PRODUCT.NAME.containsIgnoreCase(text)));
        long total = dsl.fetchCount(MASTER_PRODUCT, filter);
        List<MasterProductRecord> rows = dsl.selectFrom(MASTER_PRODUCT).where(filter)
                .orderBy(MASTER_PRODUCT.SKU).limit(page.size()).offset(page.offset()).fetch();
        Map<String, List<ProductView.Listing>> listings = listings(rows.stream().map(MasterProductRecord::getSku)
                .toList(), onlyThatChannelsListings ? channelId : null);
        return new ProductsPage(rows.stream().map(p -> product(p, listings.getOrDefault(p.getSku(), List.of())))
                .toList(), page.page(), page.size(), total, page.totalPages(total));
    }

    /** One product; with {@code listingsOfChannel} only when listed there, and with that listing only. */
    @Transactional(readOnly = true)
    public Optional<ProductView> product(String sku, String listingsOfChannel) {
        return dsl.selectFrom(MASTER_PRODUCT).where(MASTER_PRODUCT.SKU.eq(sku))
                .and(listingsOfChannel == null ? noCondition() : listedOn(listingsOfChannel))
                .fetchOptional()
                .map(p -> product(p, listings(List.of(sku), listingsOfChannel).getOrDefault(sku, List.of())));
    }

    private static Condition listedOn(String channelId) {
        return exists(selectOne().from(MASTER_LISTING).where(MASTER_LISTING.SKU.eq(MASTER_PRODUCT.SKU))
                .and(MASTER_LISTING.CHANNEL_ID.eq(channelId)));
    }

    private Map<String, List<ProductView.Listing>> listings(Collection<String> skus, String channelId) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(MASTER_LISTING).where(MASTER_LISTING.SKU.in(skus))
                .and(channelId == null ? noCondition() : MASTER_LISTING.CHANNEL_ID.eq(channelId))
                .orderBy(MASTER_LISTING.SKU, MASTER_LISTING.CHANNEL_ID)
                .fetchGroups(MASTER_LISTING.SKU, MasterDataReadModel::listing);
    }

    private static ProductView.Listing listing(MasterListingRecord l) {
        return new ProductView.Listing(l.getChannelId(), l.getChannelSku(), instant(l.getListedAt()));
    }

    private static ProductView product(MasterProductRecord p, List<ProductView.Listing> listings) {
        return new ProductView(p.getSku(), p.getName(), p.getUnitOfMeasure(), p.getTaxCategory(), p.getStatus(),
                instant(p.getRegisteredAt()), instant(p.getDiscontinuedAt()), p.getDiscontinuedReason(), listings);
    }

    // ---- channels ----------------------------------------------------------------------------------------------

    /** Channels by id; optionally only {@code channelId}, of one type, and/or fed by one warehouse. */
    @Transactional(readOnly = true)
    public ChannelsPage channels(String channelId, String type, String warehouseId, PageRequest page) {
        Condition filter = (channelId == null ? noCondition() : MASTER_CHANNEL.CHANNEL_ID.eq(channelId))
                .and(type == null ? noCondition() : MASTER_CHANNEL.TYPE.eq(type))
                .and(warehouseId == null ? noCondition() : exists(selectOne().from(MASTER_CHANNEL_WAREHOUSE)
                        .where(MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(MASTER_CHANNEL.CHANNEL_ID))
                        .and(MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID.eq(warehouseId))));
        long total = dsl.fetchCount(MASTER_CHANNEL, filter);
        List<MasterChannelRecord> rows = dsl.selectFrom(MASTER_CHANNEL).where(filter)
                .orderBy(MASTER_CHANNEL.CHANNEL_ID).limit(page.size()).offset(page.offset()).fetch();
        Map<String, List<String>> warehouses = channelWarehouses(rows.stream().map(MasterChannelRecord::getChannelId)
                .toList());
        return new ChannelsPage(rows.stream().map(c -> channel(c, warehouses.getOrDefault(c.getChannelId(),
                List.of()))).toList(), page.page(), page.size(), total, page.totalPages(total));
    }

    @Transactional(readOnly = true)
    public Optional<ChannelView> channel(String channelId) {
        return dsl.selectFrom(MASTER_CHANNEL).where(MASTER_CHANNEL.CHANNEL_ID.eq(channelId)).fetchOptional()
                .map(c -> channel(c, channelWarehouses(List.of(channelId)).getOrDefault(channelId, List.of())));
    }

    private Map<String, List<String>> channelWarehouses(Collection<String> channelIds) {
        if (channelIds.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(MASTER_CHANNEL_WAREHOUSE).where(MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID.in(channelIds))
                .orderBy(MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID, MASTER_CHANNEL_WAREHOUSE.PRIORITY)
                .fetchGroups(MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID, MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID);
    }

    private static ChannelView channel(MasterChannelRecord c, List<String> warehouses) {
        return new ChannelView(c.getChannelId(), c.getName(), c.getType(), warehouses, c.getAllocationStrategy(),
                c.getBackordersAllowed(), c.getSafetyBuffer(), c.getCurrency(), c.getPricesIncludeTax(),
                instant(c.getRegisteredAt()), instant(c.getSettingsChangedAt()));
    }

    // ---- warehouses (derived) ------------------------------------------------------------------------------------

    /** Every warehouse id a channel or a stock item names, by id; optionally only those feeding {@code channelId}. */
    @Transactional(readOnly = true)
    public WarehousesPage warehouses(String channelId, PageRequest page) {
        Table<?> known = channelId == null
                ? selectDistinct(MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID.as("id")).from(MASTER_CHANNEL_WAREHOUSE)
                        .union(selectDistinct(MASTER_STOCK_ITEM.WAREHOUSE_ID.as("id")).from(MASTER_STOCK_ITEM))
                        .asTable("known")
                : selectDistinct(MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID.as("id")).from(MASTER_CHANNEL_WAREHOUSE)
                        .where(MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID.eq(channelId)).asTable("known");
        Field<String> id = field(name("known", "id"), String.class);
        long total = dsl.fetchCount(known);
        List<String> ids = dsl.select(id).from(known).orderBy(id).limit(page.size()).offset(page.offset())
                .fetch(id);
        return new WarehousesPage(warehouses(ids), page.page(), page.size(), total, page.totalPages(total));
    }

    @Transactional(readOnly = true)
    public Optional<WarehouseView> warehouse(String warehouseId) {
        List<WarehouseView> found = warehouses(List.of(warehouseId));
        WarehouseView view = found.get(0);
        return view.channels().isEmpty() && view.stockItems() == 0 ? Optional.empty() : Optional.of(view);
    }

    private List<WarehouseView> warehouses(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, List<WarehouseView.Feeds>> feeds = dsl.selectFrom(MASTER_CHANNEL_WAREHOUSE)
                .where(MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID.in(ids))
                .orderBy(MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID, MASTER_CHANNEL_WAREHOUSE.CHANNEL_ID)
                .fetchGroups(MASTER_CHANNEL_WAREHOUSE.WAREHOUSE_ID,
                        r -> new WarehouseView.Feeds(r.getChannelId(), r.getPriority()));
        Field<Integer> items = count();
        Map<String, Integer> stockItems = dsl.select(MASTER_STOCK_ITEM.WAREHOUSE_ID, items)
                .from(MASTER_STOCK_ITEM).where(MASTER_STOCK_ITEM.WAREHOUSE_ID.in(ids))
                .groupBy(MASTER_STOCK_ITEM.WAREHOUSE_ID)
                .fetchMap(MASTER_STOCK_ITEM.WAREHOUSE_ID, items);
        return ids.stream().map(w -> new WarehouseView(w, feeds.getOrDefault(w, List.of()),
                stockItems.getOrDefault(w, 0))).toList();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
