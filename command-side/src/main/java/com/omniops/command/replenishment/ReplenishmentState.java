package com.omniops.command.replenishment;

import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.support.sql.StatementShape;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static com.omniops.command.jooq.Tables.REPLENISHMENT_DEMAND;
import static com.omniops.command.jooq.Tables.REPLENISHMENT_INCOMING;
import static com.omniops.command.jooq.Tables.REPLENISHMENT_POSITION;
import static com.omniops.command.jooq.Tables.REPLENISHMENT_RULE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/**
 * The replenishment policy's own view of the world (migrations V5 and V7): rules, positions, incoming purchase order
 * lines and daily demand, written in the policy's transaction, so with its token. Every write is an upsert or an
 * update by key, so a redelivered event lands on the same rows.
 * <p>
 * Every stock event (about three per order placed) writes the position and reads the situation, so those statements
 * and the demand ones are {@link StatementShape}s, rendered once: rendering them on each event was most of this
 * policy's CPU, itself the largest single consumer of the command side (docs/benchmarks.md, tuning log). The rare
 * purchase order and rule statements stay plain jOOQ.
 */
@Component
class ReplenishmentState {

    /**
     * An incoming line's status: drafted, open (submitted: only then it counts as incoming) or ended (received,
     * closed or cancelled).
     */
    static final String DRAFT = "DRAFT";
    static final String OPEN = "OPEN";
    static final String ENDED = "ENDED";

    private static final Field<Integer> QUARANTINE = coalesce(REPLENISHMENT_POSITION.QUARANTINE, inline(0))
            .as("quarantine");
    private static final Field<Integer> REFURBISHMENT = coalesce(REPLENISHMENT_POSITION.REFURBISHMENT, inline(0))
            .as("refurbishment");
    private static final Field<BigDecimal> INCOMING = field(select(coalesce(sum(greatest(
            REPLENISHMENT_INCOMING.EXPECTED.minus(REPLENISHMENT_INCOMING.RECEIVED), inline(0))),
            inline(BigDecimal.ZERO))).from(REPLENISHMENT_INCOMING)
            .where(REPLENISHMENT_INCOMING.STOCK_ITEM_ID.eq(REPLENISHMENT_RULE.STOCK_ITEM_ID)
                    .and(REPLENISHMENT_INCOMING.STATUS.eq(inline(OPEN))))).as("incoming");

    private final DSLContext dsl;
    private final StatementShape position;
    private final StatementShape shipped;
    private final StatementShape dailyDemand;
    private final StatementShape situation;

    ReplenishmentState(DSLContext dsl) {
        this.dsl = dsl;
        var p = REPLENISHMENT_POSITION;
        this.position = StatementShape.of(dsl, dsl.insertInto(p)
                        .set(p.STOCK_ITEM_ID, param("stockItemId", p.STOCK_ITEM_ID))
                        .set(p.ON_HAND, param("onHand", p.ON_HAND))
                        .set(p.RESERVED, param("reserved", p.RESERVED))
                        .set(p.UNIT_COST, param("unitCost", p.UNIT_COST))
                        .set(p.QUARANTINE, param("quarantine", p.QUARANTINE))
                        .set(p.REFURBISHMENT, param("refurbishment", p.REFURBISHMENT))
                        .onConflict(p.STOCK_ITEM_ID).doUpdate()
                        .set(p.ON_HAND, excluded(p.ON_HAND))
                        .set(p.RESERVED, excluded(p.RESERVED))
                        .set(p.UNIT_COST, coalesce(excluded(p.UNIT_COST), p.UNIT_COST))
                        .set(p.QUARANTINE, coalesce(excluded(p.QUARANTINE), p.QUARANTINE))
                        .set(p.REFURBISHMENT, coalesce(excluded(p.REFURBISHMENT), p.REFURBISHMENT)),
                "stockItemId", "onHand", "reserved", "unitCost", "quarantine", "refurbishment");
        var d = REPLENISHMENT_DEMAND;
        this.shipped = StatementShape.of(dsl, dsl.insertInto(d)
                        .set(d.STOCK_ITEM_ID, param("stockItemId", d.STOCK_ITEM_ID))
                        .set(d.DAY, param("day", d.DAY))
                        .set(d.UNITS, param("units", d.UNITS))
                        .onConflict(d.STOCK_ITEM_ID, d.DAY).doUpdate()
                        .set(d.UNITS, d.UNITS.plus(excluded(d.UNITS))),
                "stockItemId", "day", "units");
        this.dailyDemand = StatementShape.of(dsl, dsl.select(d.DAY, d.UNITS).from(d)
                        .where(d.STOCK_ITEM_ID.eq(param("stockItemId", d.STOCK_ITEM_ID))
                                .and(d.DAY.between(param("first", d.DAY), param("last", d.DAY)))),
                "stockItemId", "first", "last");
        var r = REPLENISHMENT_RULE;
        this.situation = StatementShape.of(dsl, dsl.select(r.SKU, r.WAREHOUSE_ID, r.SUPPLIER_ID, r.METHOD,
                                r.MIN_QTY, r.MAX_QTY, r.MULTIPLE, r.SERVICE_LEVEL, r.AUTO_SUBMIT, p.ON_HAND, p.RESERVED,
                                QUARANTINE, REFURBISHMENT, p.UNIT_COST, p.OPEN_PROPOSAL, p.PROPOSALS_MADE, INCOMING)
                        .from(r).join(p).on(p.STOCK_ITEM_ID.eq(r.STOCK_ITEM_ID))
                        .where(r.STOCK_ITEM_ID.eq(param("stockItemId", r.STOCK_ITEM_ID)))
                        .forUpdate().of(p),
                "stockItemId");
    }

    /** A changed rule replaces the old one; its stock item (hence SKU and warehouse) stays what it was. */
    void rule(ReorderRuleSet rule) {
        var r = REPLENISHMENT_RULE;
        dsl.insertInto(r)
                .set(r.STOCK_ITEM_ID, rule.stockItemId())
                .set(r.SKU, rule.sku())
                .set(r.WAREHOUSE_ID, rule.warehouseId())
                .set(r.SUPPLIER_ID, rule.supplierId())
                .set(r.METHOD, rule.method().name())
                .set(r.MIN_QTY, rule.min())
                .set(r.MAX_QTY, rule.max())
                .set(r.MULTIPLE, rule.multiple())
                .set(r.SERVICE_LEVEL, rule.serviceLevel())
                .set(r.AUTO_SUBMIT, rule.autoSubmit())
                .onConflict(r.STOCK_ITEM_ID).doUpdate()
                .set(r.SUPPLIER_ID, excluded(r.SUPPLIER_ID))
                .set(r.METHOD, excluded(r.METHOD))
                .set(r.MIN_QTY, excluded(r.MIN_QTY))
                .set(r.MAX_QTY, excluded(r.MAX_QTY))
                .set(r.MULTIPLE, excluded(r.MULTIPLE))
                .set(r.SERVICE_LEVEL, excluded(r.SERVICE_LEVEL))
                .set(r.AUTO_SUBMIT, excluded(r.AUTO_SUBMIT))
                .execute();
    }

    /**
     * The stock item's units after an event. A null {@code unitCost}, {@code quarantine} or {@code refurbishment}
     * means the event does not say (only receipts carry a cost, only held-stock events the held units): the stored
     * value stays.
     */
    void position(String stockItemId, int onHand, int reserved, BigDecimal unitCost, Integer quarantine,
                  Integer refurbishment) {
        position.execute(stockItemId, onHand, reserved, unitCost, quarantine, refurbishment);
    }

    void shipped(String stockItemId, LocalDate day, int units) {
        shipped.execute(stockItemId, day, units);
    }

    /** Shipped units per day from {@code first} to {@code last}, zero-filled, oldest first. */
    double[] dailyDemand(String stockItemId, LocalDate first, LocalDate last) {
        var d = REPLENISHMENT_DEMAND;
        double[] series = new double[(int) (last.toEpochDay() - first.toEpochDay() + 1)];
        dailyDemand.fetch(stockItemId, first, last)
                .forEach(r -> series[(int) (r.get(d.DAY).toEpochDay() - first.toEpochDay())] = r.get(d.UNITS));
        return series;
    }

    void drafted(String purchaseOrderId, int lineNo, String stockItemId, int expected) {
        var i = REPLENISHMENT_INCOMING;
        dsl.insertInto(i)
                .set(i.PURCHASE_ORDER_ID, purchaseOrderId)
                .set(i.LINE_NO, lineNo)
                .set(i.STOCK_ITEM_ID, stockItemId)
                .set(i.EXPECTED, expected)
                .set(i.STATUS, DRAFT)
                .onConflictDoNothing()
                .execute();
    }

    void expected(String purchaseOrderId, int lineNo, int expected) {
        var i = REPLENISHMENT_INCOMING;
        dsl.update(i).set(i.EXPECTED, expected)
                .where(i.PURCHASE_ORDER_ID.eq(purchaseOrderId).and(i.LINE_NO.eq(lineNo)))
                .execute();
    }

    void received(String purchaseOrderId, int lineNo, int units) {
        var i = REPLENISHMENT_INCOMING;
        dsl.update(i).set(i.RECEIVED, i.RECEIVED.plus(units))
                .where(i.PURCHASE_ORDER_ID.eq(purchaseOrderId).and(i.LINE_NO.eq(lineNo)))
                .execute();
    }

    void status(String purchaseOrderId, String status) {
        var i = REPLENISHMENT_INCOMING;
        dsl.update(i).set(i.STATUS, status).where(i.PURCHASE_ORDER_ID.eq(purchaseOrderId)).execute();
    }

    /** The purchase order no longer blocks a new proposal for the stock item it was proposed for. */
    void proposalEnded(String purchaseOrderId) {
        var p = REPLENISHMENT_POSITION;
        dsl.update(p).setNull(p.OPEN_PROPOSAL).where(p.OPEN_PROPOSAL.eq(purchaseOrderId)).execute();
    }

    void proposed(String stockItemId, String purchaseOrderId) {
        var p = REPLENISHMENT_POSITION;
        dsl.update(p)
                .set(p.OPEN_PROPOSAL, purchaseOrderId)
                .set(p.PROPOSALS_MADE, p.PROPOSALS_MADE.plus(1))
                .where(p.STOCK_ITEM_ID.eq(stockItemId))
                .execute();
    }

    /**
     * The stock item's rule and position, if it has both, with its position row locked until the policy's
     * transaction ends (two events of one item never propose at once). Held units not seen yet count as 0.
     */
    Optional<ReorderPoints.Situation> situation(String stockItemId) {
        var r = REPLENISHMENT_RULE;
        var p = REPLENISHMENT_POSITION;
        return situation.fetchOptional(stockItemId).map(row -> new ReorderPoints.Situation(stockItemId,
                row.get(r.SKU), row.get(r.WAREHOUSE_ID), row.get(r.SUPPLIER_ID), row.get(r.METHOD),
                row.get(r.MIN_QTY), row.get(r.MAX_QTY), row.get(r.MULTIPLE), row.get(r.SERVICE_LEVEL),
                row.get(r.AUTO_SUBMIT), row.get(p.ON_HAND), row.get(p.RESERVED), row.get(QUARANTINE),
                row.get(REFURBISHMENT), row.get(p.UNIT_COST), row.get(p.OPEN_PROPOSAL), row.get(p.PROPOSALS_MADE),
                row.get(INCOMING).intValue()));
    }
}
