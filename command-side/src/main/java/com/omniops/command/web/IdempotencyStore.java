package com.omniops.command.web;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.types.DayToSecond;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import static com.omniops.command.jooq.Tables.IDEMPOTENCY_KEY;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.inline;

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
    private static final DayToSecond LEGACY_CLAIM_ABANDONED_AFTER = DayToSecond.valueOf(Duration.ofMinutes(10));
    /** The transaction's start, as PostgreSQL's now(): every statement of a request sees the same instant. */
    private static final Field<OffsetDateTime> NOW = currentOffsetDateTime();

    private final DSLContext dsl;

    public IdempotencyStore(DSLContext dsl) {
        this.dsl = dsl;
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
        int inserted = dsl.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.IDEM_KEY, key)
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.CREATED_AT, NOW)
                .onConflictDoNothing()
                .execute();
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
        return dsl.select(IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.STATUS_CODE, IDEMPOTENCY_KEY.CONTENT_TYPE,
                        IDEMPOTENCY_KEY.RESPONSE_BODY)
                .from(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.IDEM_KEY.eq(key))
                .fetchOptional(r -> new Entry(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private boolean takeOverLegacyClaim(String key, String requestHash) {
        return dsl.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.CREATED_AT, NOW)
                .where(IDEMPOTENCY_KEY.IDEM_KEY.eq(key)
                        .and(IDEMPOTENCY_KEY.STATUS_CODE.isNull())
                        .and(IDEMPOTENCY_KEY.CREATED_AT.lt(NOW.minus(inline(LEGACY_CLAIM_ABANDONED_AFTER)))))
                .execute() == 1;
    }

    public void complete(String key, int status, String contentType, byte[] body) {
        dsl.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.STATUS_CODE, status)
                .set(IDEMPOTENCY_KEY.CONTENT_TYPE, contentType)
                .set(IDEMPOTENCY_KEY.RESPONSE_BODY, body)
                .set(IDEMPOTENCY_KEY.COMPLETED_AT, NOW)
                .where(IDEMPOTENCY_KEY.IDEM_KEY.eq(key))
                .execute();
    }
}
