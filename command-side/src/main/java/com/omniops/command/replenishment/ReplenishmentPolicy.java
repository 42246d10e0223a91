package com.omniops.command.replenishment;

import com.omniops.command.config.ReplenishmentSettings;
import com.omniops.command.config.Savepoints;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * its token. It acts only on events stored recently ({@code omniops.replenishment.act-within}); older events — a
 * first start on an existing history — only bring its state up to date. Its commands carry the system actor, the
 * triggering event as cause and the user who triggered it as {@code initiatedBy}. Never replayed.
 */
@Component
@ProcessingGroup(ReplenishmentPolicy.PROCESSING_GROUP)
@DisallowReplay
public class ReplenishmentPolicy {

    public static final String PROCESSING_GROUP = "replenishment";
    private static final Logger log = LoggerFactory.getLogger(ReplenishmentPolicy.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final SupplierDirectory suppliers;
    private final Savepoints savepoints;
    private final Clock clock;
    private final Duration actWithin;
    private final int demandDays;

    public ReplenishmentPolicy(JdbcTemplate jdbc, @Qualifier("policyCommands") CommandGateway commands,
                               SupplierDirectory suppliers, Savepoints savepoints, Clock clock,
                               ReplenishmentSettings settings) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.suppliers = suppliers;
        this.savepoints = savepoints;
        this.clock = clock;
        this.actWithin = settings.actWithin();
        this.demandDays = settings.demandDays();
    }

    @EventHandler
    void on(ReorderRuleSet rule, @Timestamp Instant storedAt) {
        jdbc.update("INSERT INTO replenishment_rule (stock_item_id, sku, warehouse_id, supplier_id, method, min_qty, "
                        + "max_qty, multiple, service_level, auto_submit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (stock_item_id) DO UPDATE SET supplier_id = EXCLUDED.supplier_id, "
                        + "method = EXCLUDED.method, min_qty = EXCLUDED.min_qty, max_qty = EXCLUDED.max_qty, "
                        + "multiple = EXCLUDED.multiple, service_level = EXCLUDED.service_level, "
                        + "auto_submit = EXCLUDED.auto_submit",
                rule.stockItemId(), rule.sku(), rule.warehouseId(), rule.supplierId(), rule.method().name(),
                rule.min(), rule.max(), rule.multiple(), rule.serviceLevel(), rule.autoSubmit());
        evaluate(rule.stockItemId(), storedAt);
    }

    @EventHandler
    void on(StockItemEvent event, @Timestamp Instant storedAt) {
        BigDecimal cost = event instanceof StockReceived received ? received.averageCostAfter().amount() : null;
        // Only events that change held units carry them; the others leave them as they are.
        HeldQuantities held = event instanceof HeldQuantities quantities ? quantities : null;
        jdbc.update("INSERT INTO replenishment_position (stock_item_id, on_hand, reserved, unit_cost, quarantine, "
                        + "refurbishment) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (stock_item_id) DO UPDATE SET "
                        + "on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, "
                        + "unit_cost = coalesce(EXCLUDED.unit_cost, replenishment_position.unit_cost), "
                        + "quarantine = coalesce(EXCLUDED.quarantine, replenishment_position.quarantine), "
                        + "refurbishment = coalesce(EXCLUDED.refurbishment, replenishment_position.refurbishment)",
                event.stockItemId(), event.onHandAfter(), event.reservedAfter(), cost,
                held == null ? null : held.quarantineAfter(), held == null ? null : held.refurbishmentAfter());
        if (event instanceof StockIssued issued) {
            jdbc.update("INSERT INTO replenishment_demand (stock_item_id, day, units) VALUES (?, ?, ?) "
                            + "ON CONFLICT (stock_item_id, day) DO UPDATE SET units = replenishment_demand.units "
                            + "+ EXCLUDED.units", issued.stockItemId(),
                    LocalDate.ofInstant(issued.issuedAt(), ZoneOffset.UTC), issued.quantity());
        }
        evaluate(event.stockItemId(), storedAt);
    }

    @EventHandler
    void on(PurchaseOrderDrafted event) {
        for (var line : event.lines()) {
            jdbc.update("INSERT INTO replenishment_incoming (purchase_order_id, line_no, stock_item_id, expected, "
                            + "status) VALUES (?, ?, ?, ?, 'DRAFT') ON CONFLICT DO NOTHING", event.purchaseOrderId(),
                    line.lineNo(), StreamIds.stockItem(event.warehouseId(), line.sku()), line.quantity());
        }
    }

    @EventHandler
    void on(PurchaseOrderSubmitted event) {
        status(event.purchaseOrderId(), "OPEN");
    }

    @EventHandler
    void on(PurchaseOrderConfirmed event) {
        for (var line : event.lines()) {
            jdbc.update("UPDATE replenishment_incoming SET expected = ? WHERE purchase_order_id = ? AND line_no = ?",
                    line.quantity(), event.purchaseOrderId(), line.lineNo());
        }
    }

    @EventHandler
    void on(PurchaseOrderGoodsReceived event) {
        for (var line : event.lines()) {
            jdbc.update("UPDATE replenishment_incoming SET received = received + ? WHERE purchase_order_id = ? "
                    + "AND line_no = ?", line.quantity(), event.purchaseOrderId(), line.lineNo());
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

    private void status(String purchaseOrderId, String status) {
        jdbc.update("UPDATE replenishment_incoming SET status = ? WHERE purchase_order_id = ?", status,
                purchaseOrderId);
    }

    /** The order brings no more goods: it no longer counts as incoming, and its shortage may be proposed again. */
    private void ended(String purchaseOrderId) {
        status(purchaseOrderId, "ENDED");
        jdbc.update("UPDATE replenishment_position SET open_proposal = NULL WHERE open_proposal = ?",
                purchaseOrderId);
    }

    /** Shipped units per day over the last {@code demandDays} days up to today, zero-filled, oldest first. */
    private double[] dailyDemand(String stockItemId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(demandDays - 1L);
        double[] series = new double[demandDays];
        jdbc.query("SELECT day, units FROM replenishment_demand WHERE stock_item_id = ? AND day BETWEEN ? AND ?",
                rs -> {
                    series[(int) (rs.getDate(1).toLocalDate().toEpochDay() - first.toEpochDay())] = rs.getInt(2);
                }, stockItemId, first, today);
        return series;
    }

    private void evaluate(String stockItemId, Instant storedAt) {
        if (storedAt.isBefore(clock.instant().minus(actWithin))) {
            return; // catching up on history: state only, no proposals for shortages long past
        }
        List<ReorderPoints.Situation> situations = jdbc.query("SELECT r.sku, r.warehouse_id, r.supplier_id, "
                        + "r.method, r.min_qty, r.max_qty, r.multiple, r.service_level, r.auto_submit, p.on_hand, "
                        + "p.reserved, coalesce(p.quarantine, 0), coalesce(p.refurbishment, 0), p.unit_cost, "
                        + "p.open_proposal, p.proposals_made, "
                        + "(SELECT coalesce(sum(greatest(i.expected - i.received, 0)), 0) FROM replenishment_incoming i "
                        + " WHERE i.stock_item_id = r.stock_item_id AND i.status = 'OPEN') AS incoming "
                        + "FROM replenishment_rule r JOIN replenishment_position p ON p.stock_item_id = r.stock_item_id "
                        + "WHERE r.stock_item_id = ? FOR UPDATE OF p",
                (rs, n) -> new ReorderPoints.Situation(stockItemId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8),
                        rs.getBoolean(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        rs.getBigDecimal(14), rs.getString(15), rs.getInt(16), rs.getInt(17)), stockItemId);
        if (situations.isEmpty() || situations.get(0).openProposal() != null) {
            return;
        }
        ReorderPoints.Situation situation = situations.get(0);
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
        jdbc.update("UPDATE replenishment_position SET open_proposal = ?, proposals_made = proposals_made + 1 "
                + "WHERE stock_item_id = ?", purchaseOrderId, stockItemId);
        log.info("Replenishment proposed {} for {}: {} ({})", purchaseOrderId, stockItemId, decision.orderQuantity(),
                decision.explanation());
    }
}
