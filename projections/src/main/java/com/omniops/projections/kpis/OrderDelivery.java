package com.omniops.projections.kpis;

import static com.omniops.projections.jooq.Tables.KPI_ORDER;

import com.omniops.projections.jooq.tables.records.KpiOrderRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jooq.Condition;

/**
 * What one delivered order counts for in the perfect order rate and the cycle time, on the UTC day it was delivered:
 * the one definition of each component (docs/kpis.md "Perfect order rate").
 * <ul>
 *   <li>delivered: not cancelled, every ordered unit shipped and every shipment delivered; its day is that of the last
 *       delivery, its cycle time placed → last delivery</li>
 *   <li>on time: no shipment left after the promised ship date (the order's promise; the backbone holds no promised
 *       delivery date, so the promise it can be held to is the ship date, judged by the UTC date of each shipment)</li>
 *   <li>shipped complete: one shipment, and every unit reserved at placement (nothing backordered)</li>
 *   <li>damage-free: no return line with reason DAMAGED or DEFECTIVE; documentation-accurate: none with WRONG_ITEM
 *       (the reasons the customer gave when the return was requested, at any time after delivery)</li>
 *   <li>perfect: all four</li>
 * </ul>
 */
record OrderDelivery(String channelId, LocalDate day, boolean onTime, boolean shippedComplete, boolean damageFree,
                     boolean documentationAccurate, long cycleSeconds) {

    /** The delivery an order's row describes, or null while it is not delivered (or was cancelled). */
    static OrderDelivery of(KpiOrderRecord order) {
        if (Boolean.TRUE.equals(order.getCancelled()) || order.getDeliveredAt() == null) {
            return null;
        }
        return new OrderDelivery(order.getChannelId(),
                order.getDeliveredAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
                !order.getShippedLate(),
                order.getShipments() == 1 && order.getUnitsFilled().equals(order.getUnitsOrdered()),
                !order.getDamaged(), !order.getWrongItem(),
                Math.max(0, Duration.between(order.getPlacedAt(), order.getDeliveredAt()).toSeconds()));
    }

    // The same components as conditions on kpi_order that hold where a delivered order fails them (the drill-down).

    static Condition notOnTime() {
        return KPI_ORDER.SHIPPED_LATE.isTrue();
    }

    static Condition notShippedComplete() {
        return KPI_ORDER.SHIPMENTS.gt(1).or(KPI_ORDER.UNITS_FILLED.lt(KPI_ORDER.UNITS_ORDERED));
    }

    static Condition notDamageFree() {
        return KPI_ORDER.DAMAGED.isTrue();
    }

    static Condition notDocumentationAccurate() {
        return KPI_ORDER.WRONG_ITEM.isTrue();
    }

    static Condition notPerfect() {
        return notOnTime().or(notShippedComplete()).or(notDamageFree()).or(notDocumentationAccurate());
    }

    boolean perfect() {
        return onTime && shippedComplete && damageFree && documentationAccurate;
    }

    /** The cycle time in whole hours, rounded down: the unit of the cycle time percentiles. */
    int hours() {
        return (int) Math.min(Integer.MAX_VALUE, cycleSeconds / 3600);
    }
}
