package com.omniops.command.replenishment;

import com.omniops.command.config.ReplenishmentSettings;
import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.draft.DraftPurchaseOrder;
import com.omniops.command.purchasing.submit.SubmitPurchaseOrder;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.events.StreamIds;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.support.tx.Savepoints;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Proposes purchase orders when a stock item's projected quantity (available + incoming, as
 * {@link com.omniops.events.stock.StockPosition#projected} defines it) reaches its reorder point: a draft per shortage
 * for the rule's supplier, submitted at once when the rule says so. A stock item with an open proposal gets no second
 * one until that purchase order is received, closed or cancelled, so a shortage is never proposed twice.
 * <p>
 * The policy keeps its own state (rules, positions, incoming, demand) in tables written in the same transaction as
 * its token ({@link ReplenishmentState}). It acts only on events stored recently ({@code omniops.replenishment.act-within}); older events — a
 * first start on an existing history — only bring its state up to date. Its commands carry the system actor, the
 * triggering event as cause and the user who triggered it as {@code initiatedBy}. Never replayed.
 */
@Component
@ProcessingGroup(ReplenishmentPolicy.PROCESSING_GROUP)
@DisallowReplay
public class ReplenishmentPolicy {

    public static final String PROCESSING_GROUP = "replenishment";
    private static final Logger log = LoggerFactory.getLogger(ReplenishmentPolicy.class);

    private final ReplenishmentState state;
    private final CommandGateway commands;
    private final SupplierDirectory suppliers;
    private final Savepoints savepoints;
    private final Clock clock;
    private final Duration actWithin;
    private final int demandDays;

    public ReplenishmentPolicy(ReplenishmentState state, @Qualifier("policyCommands") CommandGateway commands,
                               SupplierDirectory suppliers, Savepoints savepoints, Clock clock,
                               ReplenishmentSettings settings) {
        this.state = state;
        this.commands = commands;
        this.suppliers = suppliers;
        this.savepoints = savepoints;
        this.clock = clock;
        this.actWithin = settings.actWithin();
        this.demandDays = settings.demandDays();
    }

    @EventHandler
    void on(ReorderRuleSet rule, @Timestamp Instant storedAt) {
        state.rule(rule);
        evaluate(rule.stockItemId(), storedAt);
    }

    @EventHandler
    void on(StockItemEvent event, @Timestamp Instant storedAt) {
        BigDecimal cost = event instanceof StockReceived received ? received.averageCostAfter().amount() : null;
        // Only events that change held units carry them; the others leave them as they are.
        HeldQuantities held = event instanceof HeldQuantities quantities ? quantities : null;
        state.position(event.stockItemId(), event.onHandAfter(), event.reservedAfter(), cost,
                held == null ? null : held.quarantineAfter(), held == null ? null : held.refurbishmentAfter());
        if (event instanceof StockIssued issued) {
            state.shipped(issued.stockItemId(), LocalDate.ofInstant(issued.issuedAt(), ZoneOffset.UTC),
                    issued.quantity());
        }
        evaluate(event.stockItemId(), storedAt);
    }

    @EventHandler
    void on(PurchaseOrderDrafted event) {
        for (var line : event.lines()) {
            state.drafted(event.purchaseOrderId(), line.lineNo(), StreamIds.stockItem(event.warehouseId(),
                    line.sku()), line.quantity());
        }
    }

    @EventHandler
    void on(PurchaseOrderSubmitted event) {
        state.status(event.purchaseOrderId(), ReplenishmentState.OPEN);
    }

    @EventHandler
    void on(PurchaseOrderConfirmed event) {
        for (var line : event.lines()) {
            state.expected(event.purchaseOrderId(), line.lineNo(), line.quantity());
        }
    }

    @EventHandler
    void on(PurchaseOrderGoodsReceived event) {
        for (var line : event.lines()) {
            state.received(event.purchaseOrderId(), line.lineNo(), line.quantity());
        }
    }

    @EventHandler
    void on(PurchaseOrderReceived event) {
        ended(event.purchaseOrderId());
    }

    @EventHandler
    void on(PurchaseOrderClosed event) {
        ended(event.purchaseOrderId());
    }

    @EventHandler
    void on(PurchaseOrderCancelled event) {
        ended(event.purchaseOrderId());
    }

    /** The order brings no more goods: it no longer counts as incoming, and its shortage may be proposed again. */
    private void ended(String purchaseOrderId) {
        state.status(purchaseOrderId, ReplenishmentState.ENDED);
        state.proposalEnded(purchaseOrderId);
    }

    /** Shipped units per day over the last {@code demandDays} days up to today, zero-filled, oldest first. */
    private double[] dailyDemand(String stockItemId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return state.dailyDemand(stockItemId, today.minusDays(demandDays - 1L), today);
    }

    private void evaluate(String stockItemId, Instant storedAt) {
        if (storedAt.isBefore(clock.instant().minus(actWithin))) {
            return; // catching up on history: state only, no proposals for shortages long past
        }
        ReorderPoints.Situation situation = state.situation(stockItemId).orElse(null);
        if (situation == null || situation.openProposal() != null) {
            return;
        }
        SupplierDirectory.Terms terms = suppliers.terms(situation.supplierId()).orElse(null);
        if (terms == null) {
            return;
        }
        ReorderPoints.Decision decision = ReorderPoints.decide(situation, terms, dailyDemand(stockItemId));
        if (decision.orderQuantity() <= 0) {
            return;
        }
        String purchaseOrderId = "PO-R-" + stockItemId.replace(':', '-') + "-" + (situation.proposalsMade() + 1);
        DraftPurchaseOrder draft = new DraftPurchaseOrder(purchaseOrderId, situation.supplierId(),
                situation.warehouseId(), List.of(new DraftPurchaseOrder.Line(situation.sku(), decision.orderQuantity(),
                situation.unitCost() == null ? BigDecimal.ZERO : situation.unitCost().setScale(2,
                        RoundingMode.HALF_UP))), PurchaseOrderOrigin.REPLENISHMENT);
        try {
            savepoints.run(() -> {
                commands.sendAndWait(draft);
                if (situation.autoSubmit()) {
                    commands.sendAndWait(new SubmitPurchaseOrder(purchaseOrderId));
                }
                return null;
            });
        } catch (BusinessRuleViolation refused) {
            log.warn("Replenishment of {} could not propose a purchase order: {}", stockItemId, refused.getMessage());
            return;
        }
        state.proposed(stockItemId, purchaseOrderId);
        log.info("Replenishment proposed {} for {}: {} ({})", purchaseOrderId, stockItemId, decision.orderQuantity(),
                decision.explanation());
    }
}
