package com.omniops.command.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The first response given to each Idempotency-Key. */
@Component
public class IdempotencyStore {

    /** A claim with no response after this long belongs to a request that died; its key may be used again. */
    private static final String ABANDONED_AFTER = "10 minutes";

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String requestHash, Integer statusCode, String contentType, byte[] body) {
        boolean completed() {
            return statusCode != null;
        }
    }

    public Optional<Entry> find(String key) {
        return jdbc.query("SELECT request_hash, status_code, content_type, response_body FROM idempotency_key "
                        + "WHERE idem_key = ?",
                rs -> rs.next() ? Optional.of(new Entry(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getBytes(4))) : Optional.<Entry>empty(), key);
    }

    /** True if this request now owns the key (new, or taking over an abandoned claim). */
    public boolean claim(String key, String requestHash) {
        int inserted = jdbc.update("INSERT INTO idempotency_key (idem_key, request_hash, created_at) "
                + "VALUES (?, ?, now()) ON CONFLICT DO NOTHING", key, requestHash);
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("UPDATE idempotency_key SET request_hash = ?, created_at = now() WHERE idem_key = ? "
                + "AND status_code IS NULL AND created_at < now() - interval '" + ABANDONED_AFTER + "'",
                requestHash, key) == 1;
    }

    public void complete(String key, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_key SET status_code = ?, content_type = ?, response_body = ?, "
                + "completed_at = now() WHERE idem_key = ?", status, contentType, body, key);
    }

    public void forget(String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE idem_key = ? AND status_code IS NULL", key);
    }
}
