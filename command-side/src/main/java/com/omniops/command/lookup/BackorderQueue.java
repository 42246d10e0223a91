package com.omniops.command.lookup;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Backordered order lines waiting for stock, first by promised ship date, then by placement time. */
@Component
public class BackorderQueue {

    private final JdbcTemplate jdbc;

    public BackorderQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Waiting(String orderId, int lineNo, String sku, int quantity) {
    }

    public void add(String orderId, int lineNo, String sku, List<String> warehouses, int quantity,
                    LocalDate promisedDate, Instant placedAt) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO backorder_queue (order_id, line_no, sku, "
                    + "warehouses, quantity, promised_date, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
            Array array = connection.createArrayOf("varchar", warehouses.toArray());
            statement.setString(1, orderId);
            statement.setInt(2, lineNo);
            statement.setString(3, sku);
            statement.setArray(4, array);
            statement.setInt(5, quantity);
            statement.setObject(6, promisedDate);
            statement.setTimestamp(7, Timestamp.from(placedAt));
            return statement;
        });
    }

    /** The lines a warehouse may serve for a SKU, in serving order. */
    public List<Waiting> waitingFor(String warehouseId, String sku, int limit) {
        return jdbc.query("SELECT order_id, line_no, sku, quantity FROM backorder_queue "
                        + "WHERE sku = ? AND ? = ANY (warehouses) ORDER BY promised_date, placed_at, order_id, line_no "
                        + "LIMIT ?",
                (rs, n) -> new Waiting(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)),
                sku, warehouseId, limit);
    }

    public boolean anyWaitingFor(String sku) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM backorder_queue WHERE sku = ?", Integer.class, sku);
        return n != null && n > 0;
    }

    /** Records that {@code quantity} units of the line were allocated; the line leaves the queue when complete. */
    public void allocated(String orderId, int lineNo, int quantity) {
        int removed = jdbc.update("DELETE FROM backorder_queue WHERE order_id = ? AND line_no = ? AND quantity <= ?",
                orderId, lineNo, quantity);
        if (removed == 0) {
            jdbc.update("UPDATE backorder_queue SET quantity = quantity - ? WHERE order_id = ? AND line_no = ?",
                    quantity, orderId, lineNo);
        }
    }

    public void remove(String orderId) {
        jdbc.update("DELETE FROM backorder_queue WHERE order_id = ?", orderId);
    }
}
