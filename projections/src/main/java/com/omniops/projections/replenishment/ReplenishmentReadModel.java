package com.omniops.projections.replenishment;

import com.omniops.events.stock.StockPosition;
import com.omniops.planning.LeadTime;
import com.omniops.planning.OrderQuantity;
import com.omniops.planning.ReorderRecommendation;
import com.omniops.planning.Replenishment;
import com.omniops.projections.demand.DemandReadModel;
import com.omniops.projections.purchasing.PurchasingReadModel;
import com.omniops.projections.support.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.projections.jooq.Tables.AVAILABILITY_STOCK;
import static com.omniops.projections.jooq.Tables.PURCHASING_ORDER;
import static com.omniops.projections.jooq.Tables.PURCHASING_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.PURCHASING_SUPPLIER;
import static com.omniops.projections.jooq.Tables.REORDER_RULE_VIEW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/**
 * Replenishment recommendations: for each stock item with a rule, its position (from the availability and purchasing
 * read models), the units on its open draft purchase orders, and the rule applied to the position plus those drafts
 * with the planning module's formulas — the same ones the command side's
 * replenishment policy uses — over the last {@code demandDays} days of shipped demand (demand read model).
 */
@Component
public class ReplenishmentReadModel {

    private final DSLContext dsl;
    private final DemandReadModel demand;

    public ReplenishmentReadModel(DSLContext dsl, DemandReadModel demand) {
        this.dsl = dsl;
        this.demand = demand;
    }

    @Transactional(readOnly = true)
    public RecommendationPage recommendations(String warehouseId, String sku, LocalDate today, int demandDays,
                                              PageRequest page) {
        Condition where = noCondition();
        if (warehouseId != null) {
            where = where.and(REORDER_RULE_VIEW.WAREHOUSE_ID.eq(warehouseId));
        }
        if (sku != null) {
            where = where.and(REORDER_RULE_VIEW.SKU.eq(sku));
        }
        var incoming = select(coalesce(sum(greatest(coalesce(PURCHASING_ORDER_LINE.CONFIRMED,
                        PURCHASING_ORDER_LINE.ORDERED).minus(PURCHASING_ORDER_LINE.RECEIVED), inline(0))), inline(0)))
                .from(PURCHASING_ORDER_LINE).join(PURCHASING_ORDER)
                .on(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID))
                .where(PURCHASING_ORDER_LINE.SKU.eq(REORDER_RULE_VIEW.SKU))
                .and(PURCHASING_ORDER.WAREHOUSE_ID.eq(REORDER_RULE_VIEW.WAREHOUSE_ID))
                .and(PURCHASING_ORDER.STATUS.in(PurchasingReadModel.OPEN))
                .asField("incoming");
        // Units on draft purchase orders: not yet sent to a supplier, so not incoming, but already being ordered;
        // a recommendation that ignored them would ask for the same units again.
        var drafted = select(coalesce(sum(PURCHASING_ORDER_LINE.ORDERED), inline(0)))
                .from(PURCHASING_ORDER_LINE).join(PURCHASING_ORDER)
                .on(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID))
                .where(PURCHASING_ORDER_LINE.SKU.eq(REORDER_RULE_VIEW.SKU))
                .and(PURCHASING_ORDER.WAREHOUSE_ID.eq(REORDER_RULE_VIEW.WAREHOUSE_ID))
                .and(PURCHASING_ORDER.STATUS.eq(PurchasingReadModel.DRAFT))
                .asField("drafted");
        long total = dsl.fetchCount(REORDER_RULE_VIEW, where);
        List<Recommendation> items = dsl.select(REORDER_RULE_VIEW.asterisk(), AVAILABILITY_STOCK.ON_HAND,
                        AVAILABILITY_STOCK.RESERVED, AVAILABILITY_STOCK.QUARANTINE, AVAILABILITY_STOCK.REFURBISHMENT,
                        PURCHASING_SUPPLIER.LEAD_TIME_MEAN_DAYS, PURCHASING_SUPPLIER.LEAD_TIME_STD_DEV_DAYS,
                        PURCHASING_SUPPLIER.MINIMUM_ORDER_QUANTITY, incoming, drafted)
                .from(REORDER_RULE_VIEW)
                .leftJoin(AVAILABILITY_STOCK).on(AVAILABILITY_STOCK.SKU.eq(REORDER_RULE_VIEW.SKU)
                        .and(AVAILABILITY_STOCK.WAREHOUSE_ID.eq(REORDER_RULE_VIEW.WAREHOUSE_ID)))
                .leftJoin(PURCHASING_SUPPLIER).on(PURCHASING_SUPPLIER.SUPPLIER_ID.eq(REORDER_RULE_VIEW.SUPPLIER_ID))
                .where(where)
                .orderBy(REORDER_RULE_VIEW.WAREHOUSE_ID, REORDER_RULE_VIEW.SKU)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> recommendation(r, today, demandDays));
        return new RecommendationPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private Recommendation recommendation(Record r, LocalDate today, int demandDays) {
        StockPosition stock = new StockPosition(nz(r.get(AVAILABILITY_STOCK.ON_HAND)),
                nz(r.get(AVAILABILITY_STOCK.RESERVED)), nz(r.get(AVAILABILITY_STOCK.QUARANTINE)),
                nz(r.get(AVAILABILITY_STOCK.REFURBISHMENT)));
        int incoming = nz(r.get("incoming", Integer.class)); // sum() is NUMERIC in PostgreSQL
        int position = stock.projected(incoming); // the replenishment policy acts on the same figure
        int drafted = nz(r.get("drafted", Integer.class));
        int positionWithDrafts = position + drafted; // what the rule is applied to: drafts are already on order
        int supplierMinimum = nz(r.get(PURCHASING_SUPPLIER.MINIMUM_ORDER_QUANTITY));
        String method = r.get(REORDER_RULE_VIEW.METHOD);
        int min = r.get(REORDER_RULE_VIEW.MIN_QTY);
        int max = r.get(REORDER_RULE_VIEW.MAX_QTY);
        int multiple = r.get(REORDER_RULE_VIEW.MULTIPLE);
        BigDecimal serviceLevel = r.get(REORDER_RULE_VIEW.SERVICE_LEVEL);
        Recommendation.Numbers numbers;
        BigDecimal leadMean = r.get(PURCHASING_SUPPLIER.LEAD_TIME_MEAN_DAYS);
        if ("SERVICE_LEVEL".equals(method) && leadMean != null) {
            LeadTime leadTime = new LeadTime(leadMean.doubleValue(),
                    r.get(PURCHASING_SUPPLIER.LEAD_TIME_STD_DEV_DAYS).doubleValue());
            double[] series = demand.history(r.get(REORDER_RULE_VIEW.SKU), r.get(REORDER_RULE_VIEW.WAREHOUSE_ID),
                    today.minusDays(demandDays - 1L), today).shippedSeries();
            ReorderRecommendation advice = Replenishment.serviceLevel(series, leadTime, serviceLevel.doubleValue(),
                    positionWithDrafts, max, multiple, supplierMinimum);
            numbers = new Recommendation.Numbers(advice.method().name(), round(advice.meanDailyDemand()),
                    round(advice.demandStdDev()), leadMean, r.get(PURCHASING_SUPPLIER.LEAD_TIME_STD_DEV_DAYS),
                    round(advice.z()), round(advice.safetyStock()), round(advice.reorderPoint()), advice.min(),
                    advice.max(), supplierMinimum, advice.orderQuantity());
        } else {
            numbers = new Recommendation.Numbers(null, null, null, leadMean,
                    r.get(PURCHASING_SUPPLIER.LEAD_TIME_STD_DEV_DAYS), null, null, null, min, max, supplierMinimum,
                    OrderQuantity.minMax(positionWithDrafts, min, max, multiple, supplierMinimum));
        }
        return new Recommendation(r.get(REORDER_RULE_VIEW.STOCK_ITEM_ID), r.get(REORDER_RULE_VIEW.SKU),
                r.get(REORDER_RULE_VIEW.WAREHOUSE_ID), r.get(REORDER_RULE_VIEW.SUPPLIER_ID),
                new Recommendation.Rule(method, min, max, multiple, serviceLevel, r.get(REORDER_RULE_VIEW.AUTO_SUBMIT)),
                stock.onHand(), stock.reserved(), stock.quarantine() + stock.refurbishment(), incoming, position,
                drafted, positionWithDrafts, numbers);
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
