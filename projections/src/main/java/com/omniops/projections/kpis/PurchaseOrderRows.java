package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_PURCHASE_ORDER;
import static com.omniops.projections.jooq.Tables.KPI_PURCHASE_ORDER_LINE;
import static com.omniops.projections.jooq.Tables.KPI_SUPPLIER_DAY;

import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.projections.jooq.tables.records.KpiPurchaseOrderLineRecord;
import com.omniops.projections.jooq.tables.records.KpiPurchaseOrderRecord;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;

/**
 * The supplier rows of the kpis read model ({@link KpisProjector}): each purchase order with its lines, and what it
 * counts for ({@link SupplierDelivery}) in the supplier's day counters. Called inside the event's savepoint.
 */
final class PurchaseOrderRows {

    private final DSLContext dsl;

    PurchaseOrderRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new order: nothing is due yet (a draft has not been sent). */
    void drafted(PurchaseOrderDrafted event, long seq) {
        int inserted = dsl.insertInto(KPI_PURCHASE_ORDER)
                .set(KPI_PURCHASE_ORDER.PURCHASE_ORDER_ID, event.purchaseOrderId())
                .set(KPI_PURCHASE_ORDER.SUPPLIER_ID, event.supplierId())
                .set(KPI_PURCHASE_ORDER.EXPECTED_DATE, event.expectedDate())
                .set(KPI_PURCHASE_ORDER.LAST_SEQUENCE, seq)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            for (PurchaseOrderLine line : event.lines()) {
                dsl.insertInto(KPI_PURCHASE_ORDER_LINE)
                        .set(KPI_PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID, event.purchaseOrderId())
                        .set(KPI_PURCHASE_ORDER_LINE.LINE_NO, line.lineNo())
                        .set(KPI_PURCHASE_ORDER_LINE.SKU, line.sku())
                        .set(KPI_PURCHASE_ORDER_LINE.ORDERED, line.quantity())
                        .execute();
            }
        }
    }

    /**
     * Applies {@code change} to the order and its lines (by line number) unless the event was applied before, saves
     * them, and moves the order's contribution to its supplier's days from the old to the new one.
     */
    void change(String purchaseOrderId, long seq,
                BiConsumer<KpiPurchaseOrderRecord, Map<Integer, KpiPurchaseOrderLineRecord>> change) {
        KpiPurchaseOrderRecord order = dsl.selectFrom(KPI_PURCHASE_ORDER)
                .where(KPI_PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(purchaseOrderId)).fetchOne();
        if (order == null) {
            throw new IllegalStateException("Purchase order " + purchaseOrderId + " is not in the kpis read model");
        }
        if (order.getLastSequence() >= seq) {
            return;
        }
        Map<Integer, KpiPurchaseOrderLineRecord> lines = dsl.selectFrom(KPI_PURCHASE_ORDER_LINE)
                .where(KPI_PURCHASE_ORDER_LINE.PURCHASE_ORDER_ID.eq(purchaseOrderId))
                .fetchMap(KPI_PURCHASE_ORDER_LINE.LINE_NO);
        SupplierDelivery before = SupplierDelivery.of(order, lines.values());
        change.accept(order, lines);
        order.setLastSequence(seq);
        order.update();
        lines.values().stream().filter(KpiPurchaseOrderLineRecord::changed).forEach(KpiPurchaseOrderLineRecord::update);
        SupplierDelivery after = SupplierDelivery.of(order, lines.values());
        if (!Objects.equals(before, after)) {
            if (before != null) {
                count(before, -1);
            }
            if (after != null) {
                count(after, 1);
            }
        }
    }

    /** Sets when a line's received units reached its expected ones (or clears it when a confirmation raised them). */
    static void judgeInFull(KpiPurchaseOrderLineRecord line, LocalDate day) {
        if (line.getReceived() >= SupplierDelivery.expected(line)) {
            if (line.getInFullDay() == null) {
                line.setInFullDay(day);
            }
        } else {
            line.setInFullDay(null);
        }
    }

    private void count(SupplierDelivery delivery, int sign) {
        if (delivery.dueDay() != null) {
            add(delivery.supplierId(), delivery.dueDay(), sign * delivery.linesDue(),
                    sign * delivery.linesOnTimeInFull(), 0, 0, 0);
        }
        if (delivery.leadTime() != null) {
            add(delivery.supplierId(), delivery.receivedDay(), 0, 0, sign,
                    sign * delivery.leadTime().actualDays(), sign * delivery.leadTime().promisedDays());
        }
    }

    private void add(String supplierId, LocalDate day, int due, int onTimeInFull, int received, long actualDays,
                     long promisedDays) {
        dsl.insertInto(KPI_SUPPLIER_DAY)
                .set(KPI_SUPPLIER_DAY.SUPPLIER_ID, supplierId)
                .set(KPI_SUPPLIER_DAY.DAY, day)
                .set(KPI_SUPPLIER_DAY.LINES_DUE, due)
                .set(KPI_SUPPLIER_DAY.LINES_ON_TIME_IN_FULL, onTimeInFull)
                .set(KPI_SUPPLIER_DAY.ORDERS_RECEIVED, received)
                .set(KPI_SUPPLIER_DAY.ACTUAL_LEAD_DAYS, actualDays)
                .set(KPI_SUPPLIER_DAY.PROMISED_LEAD_DAYS, promisedDays)
                .onConflict(KPI_SUPPLIER_DAY.SUPPLIER_ID, KPI_SUPPLIER_DAY.DAY).doUpdate()
                .set(KPI_SUPPLIER_DAY.LINES_DUE, KPI_SUPPLIER_DAY.LINES_DUE.plus(due))
                .set(KPI_SUPPLIER_DAY.LINES_ON_TIME_IN_FULL, KPI_SUPPLIER_DAY.LINES_ON_TIME_IN_FULL.plus(onTimeInFull))
                .set(KPI_SUPPLIER_DAY.ORDERS_RECEIVED, KPI_SUPPLIER_DAY.ORDERS_RECEIVED.plus(received))
                .set(KPI_SUPPLIER_DAY.ACTUAL_LEAD_DAYS, KPI_SUPPLIER_DAY.ACTUAL_LEAD_DAYS.plus(actualDays))
                .set(KPI_SUPPLIER_DAY.PROMISED_LEAD_DAYS, KPI_SUPPLIER_DAY.PROMISED_LEAD_DAYS.plus(promisedDays))
                .execute();
    }
}
