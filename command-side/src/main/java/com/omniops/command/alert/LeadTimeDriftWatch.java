package com.omniops.command.alert;

import static com.omniops.command.jooq.Tables.ALERT_LEAD_TIME_DRIFT;
import static com.omniops.command.jooq.Tables.ALERT_PURCHASE_ORDER;
import static com.omniops.command.jooq.Tables.ALERT_SUPPLIER_RECEIPT;

import com.omniops.command.config.AlertSettings;
import com.omniops.command.jooq.tables.records.AlertPurchaseOrderRecord;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.planning.ObservedLeadTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The alert policy's state for supplier lead time drift: per purchase order the days its lead time is measured
 * between, and per supplier the late days of each order received in full, so a judgement reads the supplier's last few
 * rows ({@link LeadTimeDriftRule}).
 */
@Component
class LeadTimeDriftWatch {

    private static final Logger log = LoggerFactory.getLogger(LeadTimeDriftWatch.class);

    /** A supplier judged after an order was received in full, and whether its alert is raised already. */
    record Judgement(String supplierId, String purchaseOrderId, ObservedLeadTime latest,
                     LeadTimeDriftRule.Verdict verdict, boolean flagged) {
    }

    private final DSLContext dsl;
    private final LeadTimeDriftRule rule;

    LeadTimeDriftWatch(DSLContext dsl, AlertSettings settings) {
        this.dsl = dsl;
        AlertSettings.LeadTimeDrift drift = settings.leadTimeDrift();
        this.rule = new LeadTimeDriftRule(drift.lastOrders(), drift.minOrders(), drift.minMeanLateDays());
    }

    void drafted(PurchaseOrderDrafted event) {
        dsl.insertInto(ALERT_PURCHASE_ORDER)
                .set(ALERT_PURCHASE_ORDER.PURCHASE_ORDER_ID, event.purchaseOrderId())
                .set(ALERT_PURCHASE_ORDER.SUPPLIER_ID, event.supplierId())
                .set(ALERT_PURCHASE_ORDER.EXPECTED_DATE, event.expectedDate())
                .onConflictDoNothing()
                .execute();
    }

    void submitted(PurchaseOrderSubmitted event) {
        dsl.update(ALERT_PURCHASE_ORDER)
                .set(ALERT_PURCHASE_ORDER.SUBMITTED_DAY, day(event.submittedAt()))
                .where(ALERT_PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(event.purchaseOrderId()))
                .execute();
    }

    void confirmed(PurchaseOrderConfirmed event) {
        if (event.confirmedDate() != null) {
            dsl.update(ALERT_PURCHASE_ORDER)
                    .set(ALERT_PURCHASE_ORDER.CONFIRMED_DATE, event.confirmedDate())
                    .where(ALERT_PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(event.purchaseOrderId()))
                    .execute();
        }
    }

    /**
     * Records the order's late days and judges its supplier; empty when the order's sending was not seen (an order
     * drafted before the policy first started), which then counts for nothing.
     */
    Optional<Judgement> received(PurchaseOrderReceived event) {
        AlertPurchaseOrderRecord order = dsl.selectFrom(ALERT_PURCHASE_ORDER)
                .where(ALERT_PURCHASE_ORDER.PURCHASE_ORDER_ID.eq(event.purchaseOrderId())).fetchOne();
        if (order == null || order.getSubmittedDay() == null) {
            log.debug("Purchase order {} received in full, but its sending was not seen: no lead time to judge",
                    event.purchaseOrderId());
            return Optional.empty();
        }
        LocalDate promised = order.getConfirmedDate() != null ? order.getConfirmedDate() : order.getExpectedDate();
        ObservedLeadTime lead = new ObservedLeadTime(order.getSubmittedDay(), promised, day(event.receivedAt()));
        dsl.insertInto(ALERT_SUPPLIER_RECEIPT)
                .set(ALERT_SUPPLIER_RECEIPT.SUPPLIER_ID, order.getSupplierId())
                .set(ALERT_SUPPLIER_RECEIPT.PURCHASE_ORDER_ID, order.getPurchaseOrderId())
                .set(ALERT_SUPPLIER_RECEIPT.RECEIVED_DAY, lead.received())
                .set(ALERT_SUPPLIER_RECEIPT.LATE_DAYS, Math.toIntExact(lead.lateDays()))
                .onConflictDoNothing()
                .execute();
        List<Integer> latest = dsl.select(ALERT_SUPPLIER_RECEIPT.LATE_DAYS).from(ALERT_SUPPLIER_RECEIPT)
                .where(ALERT_SUPPLIER_RECEIPT.SUPPLIER_ID.eq(order.getSupplierId()))
                .orderBy(ALERT_SUPPLIER_RECEIPT.RECEIVED_DAY.desc(), ALERT_SUPPLIER_RECEIPT.PURCHASE_ORDER_ID.desc())
                .limit(rule.lastOrders())
                .fetch(ALERT_SUPPLIER_RECEIPT.LATE_DAYS);
        return Optional.of(new Judgement(order.getSupplierId(), order.getPurchaseOrderId(), lead, rule.judge(latest),
                dsl.fetchExists(ALERT_LEAD_TIME_DRIFT, ALERT_LEAD_TIME_DRIFT.SUPPLIER_ID.eq(order.getSupplierId()))));
    }

    /** The mean late days from which a supplier has drifted. */
    BigDecimal threshold() {
        return rule.minMeanLateDays();
    }

    void flag(String supplierId) {
        dsl.insertInto(ALERT_LEAD_TIME_DRIFT).set(ALERT_LEAD_TIME_DRIFT.SUPPLIER_ID, supplierId).onConflictDoNothing()
                .execute();
    }

    void clear(String supplierId) {
        dsl.deleteFrom(ALERT_LEAD_TIME_DRIFT).where(ALERT_LEAD_TIME_DRIFT.SUPPLIER_ID.eq(supplierId)).execute();
    }

    String describe(Judgement j) {
        LeadTimeDriftRule.Verdict v = j.verdict();
        return "Supplier " + j.supplierId() + ": its last " + v.orders() + " purchase orders received in full arrived "
                + v.meanLateDays() + " days later than promised on average (drift from " + rule.minMeanLateDays()
                + " days over at least " + rule.minOrders() + " orders); the latest, " + j.purchaseOrderId()
                + ", was promised in " + j.latest().promisedDays() + " days and took " + j.latest().actualDays() + ".";
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
