package com.omniops.command.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The first response given to each Idempotency-Key. Every statement runs in the transaction of the request that
 * owns the key ({@link IdempotencyFilter}), which is also the transaction of its command's events: a claim is never
 * visible to anyone before its response is, and a request that dies takes its claim with it.
 */
@Component
public class IdempotencyStore {

    /**
     * Claims written by the previous design (claim committed before the command ran) that never got a response:
     * their request died. Like that design, such a claim is taken over once it is this old.
     */
    private static final String LEGACY_CLAIM_ABANDONED_AFTER = "10 minutes";

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String requestHash, Integer statusCode, String contentType, byte[] body) {
        boolean completed() {
            return statusCode != null;
        }
    }

    /**
     * Claims the key in the current transaction, or returns the response stored for it. The insert waits while
     * another transaction holds an uncommitted claim of the same key (a twin request still running): when that one
     * commits, its stored response is returned; when it rolls back, this request gets the key.
     */
    public Optional<Entry> claimOrFind(String key, String requestHash) {
        int inserted = jdbc.update("INSERT INTO idempotency_key (idem_key, request_hash, created_at) "
                + "VALUES (?, ?, now()) ON CONFLICT DO NOTHING", key, requestHash);
        if (inserted == 1) {
            return Optional.empty();
        }
        Optional<Entry> earlier = find(key);
        if (earlier.isPresent() && !earlier.get().completed() && takeOverLegacyClaim(key, requestHash)) {
            return Optional.empty();
        }
        return earlier;
    }

    private Optional<Entry> find(String key) {
        return jdbc.query("SELECT request_hash, status_code, content_type, response_body FROM idempotency_key "
                        + "WHERE idem_key = ?",
                rs -> rs.next() ? Optional.of(new Entry(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getBytes(4))) : Optional.<Entry>empty(), key);
    }

    private boolean takeOverLegacyClaim(String key, String requestHash) {
        return jdbc.update("UPDATE idempotency_key SET request_hash = ?, created_at = now() WHERE idem_key = ? "
                + "AND status_code IS NULL AND created_at < now() - interval '" + LEGACY_CLAIM_ABANDONED_AFTER + "'",
                requestHash, key) == 1;
    }

    public void complete(String key, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_key SET status_code = ?, content_type = ?, response_body = ?, "
                + "completed_at = now() WHERE idem_key = ?", status, contentType, body, key);
    }
}
