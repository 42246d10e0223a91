package com.omniops.command.alert;

import com.omniops.events.StreamIds;
import com.omniops.events.alert.AlertType;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelSettingsChanged;
import com.omniops.events.order.OrderCancelled;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.OrderShipmentOverdue;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.support.tx.Savepoints;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.omniops.command.jooq.Tables.ALERT_OVERDUE_ORDER;

/**
 * Raises and resolves alerts from the facts their rules are about (docs/kpis.md "Exception alerts"):
 * <ul>
 *   <li>{@link AlertType#DELAYED_FULFILMENT}: raised when an order's ship-by deadline finds it late
 *       ({@link OrderShipmentOverdue}); resolved when the shipments complete it or it is cancelled. The policy keeps
 *       the units each overdue order still has to ship in {@code alert_overdue_order}, written in the transaction of
 *       its token.</li>
 *   <li>{@link AlertType#OVERSELL_RISK}: raised when a stock change leaves a channel's available-to-sell of a SKU it
 *       lists below the channel's safety buffer, {@code omniops.alerts.oversell-risk-min-available} units or
 *       {@code oversell-risk-days-of-cover} days of its recent demand (whichever is most); resolved when a later
 *       change brings it back to that ({@link OversellRiskWatch}).</li>
 *   <li>{@link AlertType#UNUSUAL_RETURN_RATE}: judged when a return is requested (raised when {@link ReturnRateRule}
 *       holds for a SKU on the request's day) and, for a SKU with an alert, when its units ship (resolved when it no
 *       longer holds: more units shipped, or the window moved past the returns) ({@link ReturnRateWatch}).</li>
 *   <li>{@link AlertType#SUPPLIER_LEAD_TIME_DRIFT}: judged when a purchase order is received in full (raised when
 *       {@link LeadTimeDriftRule} holds for its supplier, resolved when it no longer does) ({@link
 *       LeadTimeDriftWatch}).</li>
 * </ul>
 * Commands carry the system actor (the {@code policyCommands} gateway); the Alert deduplicates, so a repeated event
 * raises nothing twice. Never replayed: alerts are about now. {@link AlertType#MARGIN_EROSION} is not judged here but
 * by {@link MarginErosionCheck}, on the margins the books hold (docs/architecture.md ADR-34).
 */
@Component
@ProcessingGroup(AlertPolicy.PROCESSING_GROUP)
@DisallowReplay
public class AlertPolicy {

    public static final String PROCESSING_GROUP = "alerts";

    private final CommandGateway commands;
    private final DSLContext dsl;
    private final Savepoints savepoints;
    private final OversellRiskWatch oversellRisk;
    private final ReturnRateWatch returnRate;
    private final LeadTimeDriftWatch leadTime;

    public AlertPolicy(@Qualifier("policyCommands") CommandGateway commands, DSLContext dsl, Savepoints savepoints,
                       OversellRiskWatch oversellRisk, ReturnRateWatch returnRate, LeadTimeDriftWatch leadTime) {
        this.commands = commands;
        this.dsl = dsl;
        this.savepoints = savepoints;
        this.oversellRisk = oversellRisk;
        this.returnRate = returnRate;
        this.leadTime = leadTime;
    }

    @EventHandler
    void on(PurchaseOrderDrafted event) {
        leadTime.drafted(event);
    }

    @EventHandler
    void on(PurchaseOrderSubmitted event) {
        leadTime.submitted(event);
    }

    @EventHandler
    void on(PurchaseOrderConfirmed event) {
        leadTime.confirmed(event);
    }

    @EventHandler
    void on(PurchaseOrderReceived event) {
        leadTime.received(event).ifPresent(j -> {
            String alertId = StreamIds.alertId(AlertType.SUPPLIER_LEAD_TIME_DRIFT, j.supplierId());
            LeadTimeDriftRule.Verdict v = j.verdict();
            if (v.drifting() && !j.flagged()) {
                savepoints.run(() -> {
                    commands.sendAndWait(new RaiseAlert(alertId, AlertType.SUPPLIER_LEAD_TIME_DRIFT, null, null,
                            null, leadTime.describe(j), v.meanLateDays(), leadTime.threshold()));
                    leadTime.flag(j.supplierId());
                });
            } else if (!v.drifting() && j.flagged()) {
                savepoints.run(() -> {
                    commands.sendAndWait(new ResolveAlert(alertId, true, "system", "back on time: "
                            + leadTime.describe(j)));
                    leadTime.clear(j.supplierId());
                });
            }
        });
    }

    @EventHandler
    void on(ReturnRequested event) {
        returnRate.returned(event);
        LocalDate day = LocalDate.ofInstant(event.requestedAt(), ZoneOffset.UTC);
        event.lines().stream().map(ReturnLine::sku).distinct()
                .forEach(sku -> judgeReturnRate(returnRate.judge(sku, day)));
    }

    private void judgeReturnRate(ReturnRateWatch.Judgement j) {
        String alertId = StreamIds.alertId(AlertType.UNUSUAL_RETURN_RATE, j.sku());
        ReturnRateRule.Verdict v = j.verdict();
        if (v.unusual() && !j.flagged()) {
            savepoints.run(() -> {
                commands.sendAndWait(new RaiseAlert(alertId, AlertType.UNUSUAL_RETURN_RATE, null, j.sku(), null,
                        returnRate.describe(j), ReturnRateWatch.percent(v.recentRate()),
                        ReturnRateWatch.percent(v.threshold())));
                returnRate.flag(j.sku());
            });
        } else if (!v.unusual() && j.flagged()) {
            savepoints.run(() -> {
                commands.sendAndWait(new ResolveAlert(alertId, true, "system", "no longer unusual: "
                        + returnRate.describe(j)));
                returnRate.clear(j.sku());
            });
        }
    }

    @EventHandler
    void on(OrderPlaced event) {
        judgeOversellRisk(oversellRisk.ordered(event));
    }

    @EventHandler
    void on(ChannelRegistered event) {
        oversellRisk.channel(event);
    }

    @EventHandler
    void on(ChannelSettingsChanged event) {
        judgeOversellRisk(oversellRisk.channelChanged(event));
    }

    @EventHandler
    void on(StockItemEvent event) {
        if (event instanceof StockIssued issued) {
            returnRate.shipped(issued);
            if (returnRate.flagged(issued.sku())) {
                judgeReturnRate(returnRate.judge(issued.sku(), LocalDate.ofInstant(issued.issuedAt(),
                        ZoneOffset.UTC)));
            }
        }
        judgeOversellRisk(oversellRisk.stockChanged(event));
    }

    private void judgeOversellRisk(List<OversellRiskWatch.Judgement> judgements) {
        for (OversellRiskWatch.Judgement j : judgements) {
            String alertId = StreamIds.alertId(AlertType.OVERSELL_RISK, j.channelId(), j.sku());
            if (j.atRisk() && !j.flagged()) {
                savepoints.run(() -> {
                    commands.sendAndWait(new RaiseAlert(alertId, AlertType.OVERSELL_RISK, j.channelId(), j.sku(),
                            null, oversellRisk.describe(j),
                            BigDecimal.valueOf(j.availableToSell()), BigDecimal.valueOf(j.threshold())));
                    oversellRisk.flagged(j.channelId(), j.sku());
                });
            } else if (!j.atRisk() && j.flagged()) {
                savepoints.run(() -> {
                    commands.sendAndWait(new ResolveAlert(alertId, true, "system", j.channelId() + " may sell "
                            + j.availableToSell() + " of " + j.sku() + " again (threshold " + j.threshold() + ")"));
                    oversellRisk.cleared(j.channelId(), j.sku());
                });
            }
        }
    }

    @EventHandler
    void on(OrderShipmentOverdue event) {
        int open = event.unitsOrdered() - event.unitsShipped();
        String alertId = StreamIds.alertId(AlertType.DELAYED_FULFILMENT, event.orderId());
        savepoints.run(() -> {
            commands.sendAndWait(new RaiseAlert(alertId, AlertType.DELAYED_FULFILMENT, event.channelId(), null,
                    event.orderId(), "Order " + event.channelOrderRef() + " (" + event.channelId()
                    + ") was promised to ship by " + event.promisedShipDate() + "; " + open + " of "
                    + event.unitsOrdered() + " units have not shipped.",
                    BigDecimal.valueOf(open), BigDecimal.ZERO));
            dsl.insertInto(ALERT_OVERDUE_ORDER)
                    .set(ALERT_OVERDUE_ORDER.ORDER_ID, event.orderId())
                    .set(ALERT_OVERDUE_ORDER.UNITS_OPEN, open)
                    .onConflictDoNothing()
                    .execute();
        });
    }

    @EventHandler
    void on(OrderShipped event) {
        int shipped = event.lines().stream().mapToInt(l -> l.quantity()).sum();
        Integer left = dsl.update(ALERT_OVERDUE_ORDER)
                .set(ALERT_OVERDUE_ORDER.UNITS_OPEN, ALERT_OVERDUE_ORDER.UNITS_OPEN.minus(shipped))
                .where(ALERT_OVERDUE_ORDER.ORDER_ID.eq(event.orderId()))
                .returningResult(ALERT_OVERDUE_ORDER.UNITS_OPEN)
                .fetchOne(ALERT_OVERDUE_ORDER.UNITS_OPEN);
        if (left != null && left <= 0) {
            resolveDelayed(event.orderId(), "the order has shipped in full (shipment " + event.shipmentId() + ")");
        }
    }

    @EventHandler
    void on(OrderCancelled event) {
        boolean watched = dsl.fetchExists(ALERT_OVERDUE_ORDER, ALERT_OVERDUE_ORDER.ORDER_ID.eq(event.orderId()));
        if (watched) {
            resolveDelayed(event.orderId(), "the order was cancelled");
        }
    }

    private void resolveDelayed(String orderId, String reason) {
        savepoints.run(() -> {
            commands.sendAndWait(new ResolveAlert(StreamIds.alertId(AlertType.DELAYED_FULFILMENT, orderId), true,
                    "system", reason));
            dsl.deleteFrom(ALERT_OVERDUE_ORDER).where(ALERT_OVERDUE_ORDER.ORDER_ID.eq(orderId)).execute();
        });
    }
}
