package com.omniops.projections.kpis;

import com.omniops.planning.ObservedLeadTime;
import com.omniops.projections.jooq.tables.records.KpiPurchaseOrderLineRecord;
import com.omniops.projections.jooq.tables.records.KpiPurchaseOrderRecord;
import java.time.LocalDate;
import java.util.Collection;

/**
 * What one purchase order counts for in its supplier's KPIs: the one definition of supplier on-time-in-full and of its
 * lead time (docs/kpis.md "Supplier on-time-in-full and lead time").
 * <ul>
 *   <li>The promise: the date the supplier last confirmed, or, if it never confirmed one, the date asked for when the
 *       order was drafted. The expected quantity of a line: the one confirmed, or the one ordered.</li>
 *   <li>Due: once the order is sent (submitted) and until it is cancelled, each line with an expected quantity above
 *       zero is due on the promised date. It is on time in full when its received units reached the expected ones on
 *       or before that date (UTC days). Closing an order short leaves its open lines due and not in full.</li>
 *   <li>Lead time: an order received in full (every line's expected units) counts on the UTC day of its last receipt,
 *       with {@link ObservedLeadTime}'s promised and actual days from the day it was sent.</li>
 * </ul>
 *
 * @param dueDay null while nothing is due; {@code receivedDay} null until received in full (then {@code leadTime} is
 *               set)
 */
record SupplierDelivery(String supplierId, LocalDate dueDay, int linesDue, int linesOnTimeInFull, LocalDate receivedDay,
                        ObservedLeadTime leadTime) {

    static SupplierDelivery of(KpiPurchaseOrderRecord order, Collection<KpiPurchaseOrderLineRecord> lines) {
        if (order.getCancelled() || order.getSubmittedDay() == null) {
            return null;
        }
        LocalDate promised = promisedDate(order);
        int due = 0;
        int onTimeInFull = 0;
        for (KpiPurchaseOrderLineRecord line : lines) {
            if (expected(line) > 0) {
                due++;
                if (line.getInFullDay() != null && !line.getInFullDay().isAfter(promised)) {
                    onTimeInFull++;
                }
            }
        }
        ObservedLeadTime leadTime = order.getReceivedDay() == null ? null
                : new ObservedLeadTime(order.getSubmittedDay(), promised, order.getReceivedDay());
        return new SupplierDelivery(order.getSupplierId(), due == 0 ? null : promised, due, onTimeInFull,
                order.getReceivedDay(), leadTime);
    }

    static LocalDate promisedDate(KpiPurchaseOrderRecord order) {
        return order.getConfirmedDate() != null ? order.getConfirmedDate() : order.getExpectedDate();
    }

    static int expected(KpiPurchaseOrderLineRecord line) {
        return line.getConfirmed() != null ? line.getConfirmed() : line.getOrdered();
    }
}
