package com.omniops.command.lookup;

import com.omniops.support.sql.StatementShape;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.omniops.command.jooq.Tables.ORDER_REFERENCE;
import static org.jooq.impl.DSL.param;

/**
 * (channel, channel order reference) → order id, so a channel that re-sends an order gets the same order back. The
 * two statements every placement runs are {@link StatementShape}s, rendered once.
 */
@Component
public class OrderReferences {

    private final DSLContext dsl;
    private final StatementShape find;
    private final StatementShape claim;

    public OrderReferences(DSLContext dsl) {
        this.dsl = dsl;
        var r = ORDER_REFERENCE;
        this.find = StatementShape.of(dsl, dsl.select(r.ORDER_ID).from(r)
                        .where(r.CHANNEL_ID.eq(param("channelId", r.CHANNEL_ID))
                                .and(r.CHANNEL_ORDER_REF.eq(param("channelOrderRef", r.CHANNEL_ORDER_REF)))),
                "channelId", "channelOrderRef");
        this.claim = StatementShape.of(dsl, dsl.insertInto(r)
                        .set(r.CHANNEL_ID, param("channelId", r.CHANNEL_ID))
                        .set(r.CHANNEL_ORDER_REF, param("channelOrderRef", r.CHANNEL_ORDER_REF))
                        .set(r.ORDER_ID, param("orderId", r.ORDER_ID))
                        .onConflictDoNothing(),
                "channelId", "channelOrderRef", "orderId");
    }

    public Optional<String> find(String channelId, String channelOrderRef) {
        return find.fetchOptional(channelId, channelOrderRef).map(row -> row.get(ORDER_REFERENCE.ORDER_ID));
    }

    public String channelOf(String orderId) {
        return dsl.select(ORDER_REFERENCE.CHANNEL_ID).from(ORDER_REFERENCE)
                .where(ORDER_REFERENCE.ORDER_ID.eq(orderId))
                .fetchOne(ORDER_REFERENCE.CHANNEL_ID);
    }

    public boolean orderExists(String orderId) {
        return dsl.fetchExists(ORDER_REFERENCE, ORDER_REFERENCE.ORDER_ID.eq(orderId));
    }

    /**
     * Claims the reference for a new order; false if another order has it. A concurrent placement of the same
     * reference blocks here on the unique key until the first commits (then false) or rolls back (then true). No
     * statement fails, so a placement inside a longer transaction (a request with an Idempotency-Key) carries on.
     */
    public boolean claim(String channelId, String channelOrderRef, String orderId) {
        return claim.execute(channelId, channelOrderRef, orderId) == 1;
    }
}
