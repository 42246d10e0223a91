package com.omniops.command.lookup;

import com.omniops.support.sql.StatementShape;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.omniops.command.jooq.Tables.BACKORDER_QUEUE;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

/** Backordered order lines waiting for stock, first by promised ship date, then by placement time. */
@Component
public class BackorderQueue {

    private final DSLContext dsl;
    /** The backorder policy asks this for every stock event that adds units: rendered once. */
    private final StatementShape anyWaitingFor;

    public BackorderQueue(DSLContext dsl) {
        this.dsl = dsl;
        this.anyWaitingFor = StatementShape.of(dsl, dsl.select(DSL.field(DSL.exists(selectOne().from(BACKORDER_QUEUE)
                        .where(BACKORDER_QUEUE.SKU.eq(param("sku", BACKORDER_QUEUE.SKU)))))),
                "sku");
    }

    public record Waiting(String orderId, int lineNo, String sku, int quantity) {
    }

    public void add(String orderId, int lineNo, String sku, List<String> warehouses, int quantity,
                    LocalDate promisedDate, Instant placedAt) {
        dsl.insertInto(BACKORDER_QUEUE)
                .set(BACKORDER_QUEUE.ORDER_ID, orderId)
                .set(BACKORDER_QUEUE.LINE_NO, lineNo)
                .set(BACKORDER_QUEUE.SKU, sku)
                .set(BACKORDER_QUEUE.WAREHOUSES, warehouses.toArray(String[]::new))
                .set(BACKORDER_QUEUE.QUANTITY, quantity)
                .set(BACKORDER_QUEUE.PROMISED_DATE, promisedDate)
                .set(BACKORDER_QUEUE.PLACED_AT, placedAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** The lines a warehouse may serve for a SKU, in serving order. */
    public List<Waiting> waitingFor(String warehouseId, String sku, int limit) {
        return dsl.select(BACKORDER_QUEUE.ORDER_ID, BACKORDER_QUEUE.LINE_NO, BACKORDER_QUEUE.SKU,
                        BACKORDER_QUEUE.QUANTITY)
                .from(BACKORDER_QUEUE)
                .where(BACKORDER_QUEUE.SKU.eq(sku).and(val(warehouseId).eq(any(BACKORDER_QUEUE.WAREHOUSES))))
                .orderBy(BACKORDER_QUEUE.PROMISED_DATE, BACKORDER_QUEUE.PLACED_AT, BACKORDER_QUEUE.ORDER_ID,
                        BACKORDER_QUEUE.LINE_NO)
                .limit(limit)
                .fetch(r -> new Waiting(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public boolean anyWaitingFor(String sku) {
        return anyWaitingFor.fetchOptional(sku).map(row -> row.get(0, Boolean.class)).orElse(false);
    }

    /** Records that {@code quantity} units of the line were allocated; the line leaves the queue when complete. */
    public void allocated(String orderId, int lineNo, int quantity) {
        var line = BACKORDER_QUEUE.ORDER_ID.eq(orderId).and(BACKORDER_QUEUE.LINE_NO.eq(lineNo));
        int removed = dsl.deleteFrom(BACKORDER_QUEUE).where(line.and(BACKORDER_QUEUE.QUANTITY.le(quantity))).execute();
        if (removed == 0) {
            dsl.update(BACKORDER_QUEUE).set(BACKORDER_QUEUE.QUANTITY, BACKORDER_QUEUE.QUANTITY.minus(quantity))
                    .where(line).execute();
        }
    }

    public void remove(String orderId) {
        dsl.deleteFrom(BACKORDER_QUEUE).where(BACKORDER_QUEUE.ORDER_ID.eq(orderId)).execute();
    }
}
