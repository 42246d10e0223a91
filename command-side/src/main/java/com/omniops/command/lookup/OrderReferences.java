package com.omniops.command.lookup;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.omniops.command.jooq.Tables.ORDER_REFERENCE;

/** (channel, channel order reference) → order id, so a channel that re-sends an order gets the same order back. */
@Component
public class OrderReferences {

    private final DSLContext dsl;

    public OrderReferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> find(String channelId, String channelOrderRef) {
        return dsl.select(ORDER_REFERENCE.ORDER_ID).from(ORDER_REFERENCE)
                .where(ORDER_REFERENCE.CHANNEL_ID.eq(channelId).and(ORDER_REFERENCE.CHANNEL_ORDER_REF.eq(channelOrderRef)))
                .fetchOptional(ORDER_REFERENCE.ORDER_ID);
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
        return dsl.insertInto(ORDER_REFERENCE)
                .set(ORDER_REFERENCE.CHANNEL_ID, channelId)
                .set(ORDER_REFERENCE.CHANNEL_ORDER_REF, channelOrderRef)
                .set(ORDER_REFERENCE.ORDER_ID, orderId)
                .onConflictDoNothing()
                .execute() == 1;
    }
}
