package com.omniops.projections.demand;

import static com.omniops.projections.jooq.Tables.DEMAND_DAILY;
import static com.omniops.projections.jooq.Tables.DEMAND_STOCK_ITEM;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the demand read model. */
@Component
public class DemandReadModel {

    private final DSLContext dsl;

    public DemandReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether a stock item of the SKU exists, in the given warehouse or ({@code null}) in any. */
    public boolean stockItemExists(String sku, String warehouseId) {
        return dsl.fetchExists(DEMAND_STOCK_ITEM, DEMAND_STOCK_ITEM.SKU.eq(sku)
                .and(warehouseId == null ? noCondition() : DEMAND_STOCK_ITEM.WAREHOUSE_ID.eq(warehouseId)));
    }

    /** Daily units of one SKU from {@code from} to {@code to} (inclusive), zero-filled, summed over warehouses when
     * {@code warehouseId} is null. */
    @Transactional(readOnly = true)
    public DemandHistory history(String sku, String warehouseId, LocalDate from, LocalDate to) {
        Field<BigDecimal> shipped = sum(DEMAND_DAILY.SHIPPED_UNITS).as("shipped");
        Field<BigDecimal> reserved = sum(DEMAND_DAILY.RESERVED_UNITS).as("reserved");
        Map<LocalDate, DailyDemand> stored = new HashMap<>();
        dsl.select(DEMAND_DAILY.DEMAND_DATE, shipped, reserved)
                .from(DEMAND_DAILY)
                .where(DEMAND_DAILY.SKU.eq(sku))
                .and(warehouseId == null ? noCondition() : DEMAND_DAILY.WAREHOUSE_ID.eq(warehouseId))
                .and(DEMAND_DAILY.DEMAND_DATE.between(from, to))
                .groupBy(DEMAND_DAILY.DEMAND_DATE)
                .fetch()
                .forEach(r -> stored.put(r.value1(),
                        new DailyDemand(r.value1(), r.value2().intValueExact(), r.value3().intValueExact())));

        List<DailyDemand> days = new ArrayList<>();
        long totalShipped = 0;
        long totalReserved = 0;
        int daysWithShipments = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DailyDemand d = stored.getOrDefault(day, new DailyDemand(day, 0, 0));
            days.add(d);
            totalShipped += d.shipped();
            totalReserved += d.reserved();
            if (d.shipped() > 0) {
                daysWithShipments++;
            }
        }
        return new DemandHistory(sku, warehouseId, from, to, totalShipped, totalReserved, daysWithShipments, days);
    }

    /** Demand per SKU and warehouse in a date range (only pairs with any units in it), most shipped first. */
    @Transactional(readOnly = true)
    public SkuDemandPage list(String warehouseId, LocalDate from, LocalDate to, PageRequest page) {
        Condition filter = DEMAND_DAILY.DEMAND_DATE.between(from, to)
                .and(warehouseId == null ? noCondition() : DEMAND_DAILY.WAREHOUSE_ID.eq(warehouseId));
        long total = dsl.fetchCount(dsl.selectDistinct(DEMAND_DAILY.SKU, DEMAND_DAILY.WAREHOUSE_ID)
                .from(DEMAND_DAILY).where(filter));
        Field<BigDecimal> shipped = sum(DEMAND_DAILY.SHIPPED_UNITS).as("shipped");
        Field<BigDecimal> reserved = sum(DEMAND_DAILY.RESERVED_UNITS).as("reserved");
        Field<Integer> shippingDays = count().filterWhere(DEMAND_DAILY.SHIPPED_UNITS.gt(0)).as("shipping_days");
        List<SkuDemand> items = dsl.select(DEMAND_DAILY.SKU, DEMAND_DAILY.WAREHOUSE_ID, shipped, reserved,
                        shippingDays)
                .from(DEMAND_DAILY)
                .where(filter)
                .groupBy(DEMAND_DAILY.SKU, DEMAND_DAILY.WAREHOUSE_ID)
                .orderBy(shipped.desc(), DEMAND_DAILY.SKU, DEMAND_DAILY.WAREHOUSE_ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(r -> new SkuDemand(r.value1(), r.value2(), r.value3().longValueExact(),
                        r.value4().longValueExact(), r.value5()));
        return new SkuDemandPage(items, page.page(), page.size(), total, page.totalPages(total));
    }
}
