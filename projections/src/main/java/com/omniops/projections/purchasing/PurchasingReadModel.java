package com.omniops.projections.purchasing;

import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.omniops.projections.jooq.Tables.PURCHASING_ORDER;
import static com.omniops.projections.jooq.Tables.PURCHASING_ORDER_LINE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

/** Reads purchase orders and the stock they will bring. */
@Component
public class PurchasingReadModel {

    /** Statuses whose undelivered quantities are still expected. */
    public static final Set<String> OPEN = Set.of("SUBMITTED", "CONFIRMED", "PARTIALLY_RECEIVED");
    /** A purchase order not yet sent to the supplier. */
    public static final String DRAFT = "DRAFT";

    private static final Field<Integer> EXPECTED = coalesce(PURCHASING_ORDER_LINE.CONFIRMED,
            PURCHASING_ORDER_LINE.ORDERED);
    private static final Field<Integer> OPEN_UNITS = greatest(EXPECTED.minus(PURCHASING_ORDER_LINE.RECEIVED),
            inline(0));

    private final DSLContext dsl;

    public PurchasingReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record SummaryPage(List<PurchaseOrderSummary> items, int page, int size, long totalItems,
                              int totalPages) {
    }

    public record IncomingPage(List<IncomingStock> items, int page, int size, long totalItems, int totalPages) {
    }

    @Transactional(readOnly = true)
    public SummaryPage list(String status, String supplierId, String warehouseId, String sku, PageRequest page) {
        Condition where = noCondition();
        if (status != null) {
            where = where.and(PURCHASING_ORDER.STATUS.eq(status));
        }
        if (supplierId != null) {
            where = where.and(PURCHASING_ORDER.SUPPLIER_ID.eq(supplierId));
        }
        if (warehouseId != null) {
            where = where.and(PURCHASING_ORDER.WAREHOUSE_ID.eq(warehouseId));
        }
        if (sku != null) {
            where = where.and(PURCHASING_ORDER.PURCHASE_ORDER_ID.in(dsl.select(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID)
                    .from(PURCHASING_ORDER_LINE).where(PURCHASING_ORDER_LINE.SKU.eq(sku))));
        }
        long total = dsl.fetchCount(PURCHASING_ORDER, where);
        Field<Integer> ordered = sum(PURCHASING_ORDER_LINE.ORDERED).cast(Integer.class);
        Field<Integer> received = sum(PURCHASING_ORDER_LINE.RECEIVED).cast(Integer.class);
        Field<Integer> open = sum(OPEN_UNITS).cast(Integer.class);
        List<PurchaseOrderSummary> items = dsl.select(PURCHASING_ORDER.PURCHASE_ORDER_ID,
                        PURCHASING_ORDER.SUPPLIER_ID, PURCHASING_ORDER.WAREHOUSE_ID, PURCHASING_ORDER.STATUS,
                        PURCHASING_ORDER.ORIGIN, PURCHASING_ORDER.CURRENCY, PURCHASING_ORDER.EXPECTED_DATE, ordered,
                        received, open, PURCHASING_ORDER.DRAFTED_AT)
                .from(PURCHASING_ORDER).join(PURCHASING_ORDER_LINE)
                .on(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID.eq(PURCHASING_ORDER.PURCHASE_ORDER_ID))
                .where(where)
                .groupBy(PURCHASING_ORDER.PURCHASE_ORDER_ID)
                .orderBy(PURCHASING_ORDER.DRAFTED_AT.desc(), PURCHASING_ORDER.PURCHASE_ORDER_ID)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new PurchaseOrderSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(),
                        OPEN.contains(r.value4()) ? r.value10() : 0, instant(r.value11())));
        return new SummaryPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    @Transactional(readOnly = true)
    public Optional<PurchaseOrderDetails> find(String purchaseOrderId) {
        var order = dsl.selectFrom(PURCHASING_ORDER)
                .where(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(purchaseOrderId)).fetchOne();
        if (order == null) {
            return Optional.empty();
        }
        boolean open = OPEN.contains(order.getStatus());
        List<PurchaseOrderDetails.Line> lines = dsl.selectFrom(PURCHASING_ORDER_LINE)
                .where(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID.eq(purchaseOrderId))
                .orderBy(PURCHASING_ORDER_LINE.LINE_NO)
                .fetch(l -> {
                    int expected = l.getConfirmed() != null ? l.getConfirmed() : l.getOrdered();
                    return new PurchaseOrderDetails.Line(l.getLineNo(), l.getSku(), l.getOrdered(), l.getConfirmed(),
                            expected, l.getReceived(), open ? Math.max(0, expected - l.getReceived()) : 0,
                            Amounts.normalized(l.getUnitCost()));
                });
        return Optional.of(new PurchaseOrderDetails(order.getPurchaseOrderId(), order.getSupplierId(),
                order.getWarehouseId(), order.getStatus(), order.getOrigin(), order.getCurrency(),
                order.getExpectedDate(), order.getConfirmedDate(), instant(order.getDraftedAt()),
                instant(order.getSubmittedAt()), instant(order.getLastReceivedAt()), instant(order.getEndedAt()),
                order.getEndReason(), lines));
    }

    /** Open quantities of submitted, confirmed and partly received orders, per SKU and warehouse. */
    @Transactional(readOnly = true)
    public IncomingPage incoming(String sku, String warehouseId, PageRequest page) {
        Condition where = PURCHASING_ORDER.STATUS.in(OPEN).and(OPEN_UNITS.gt(0));
        if (sku != null) {
            where = where.and(PURCHASING_ORDER_LINE.SKU.eq(sku));
        }
        if (warehouseId != null) {
            where = where.and(PURCHASING_ORDER.WAREHOUSE_ID.eq(warehouseId));
        }
        var grouped = dsl.select(PURCHASING_ORDER_LINE.SKU, PURCHASING_ORDER.WAREHOUSE_ID,
                        sum(OPEN_UNITS).cast(Integer.class), countDistinct(PURCHASING_ORDER.PURCHASE_ORDER_ID),
                        min(PURCHASING_ORDER.EXPECTED_DATE))
                .from(PURCHASING_ORDER_LINE).join(PURCHASING_ORDER)
                .on(PURCHASING_ORDER.PURCHASE_ORDER_ID.eq(PURCHASING_ORDER_LINE.PURCHASE_ORDER_ID))
                .where(where)
                .groupBy(PURCHASING_ORDER_LINE.SKU, PURCHASING_ORDER.WAREHOUSE_ID);
        long total = dsl.fetchCount(grouped);
        List<IncomingStock> items = grouped.orderBy(PURCHASING_ORDER_LINE.SKU, PURCHASING_ORDER.WAREHOUSE_ID)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new IncomingStock(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        return new IncomingPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
