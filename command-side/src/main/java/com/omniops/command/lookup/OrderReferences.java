package com.omniops.command.lookup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** (channel, channel order reference) → order id, so a channel that re-sends an order gets the same order back. */
@Component
public class OrderReferences {

    private final JdbcTemplate jdbc;

    public OrderReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String channelId, String channelOrderRef) {
        return jdbc.query("SELECT order_id FROM order_reference WHERE channel_id = ? AND channel_order_ref = ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), channelId,
                channelOrderRef);
    }

    public String channelOf(String orderId) {
        return jdbc.query("SELECT channel_id FROM order_reference WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }

    public boolean orderExists(String orderId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM order_reference WHERE order_id = ?", Integer.class,
                orderId);
        return n != null && n > 0;
    }

    /**
     * Claims the reference for a new order; false if another order has it. A concurrent placement of the same
     * reference blocks here on the unique key until the first commits (then false) or rolls back (then true). No
     * statement fails, so a placement inside a longer transaction (a request with an Idempotency-Key) carries on.
     */
    public boolean claim(String channelId, String channelOrderRef, String orderId) {
        return jdbc.update("INSERT INTO order_reference (channel_id, channel_order_ref, order_id) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", channelId, channelOrderRef, orderId) == 1;
    }
}
