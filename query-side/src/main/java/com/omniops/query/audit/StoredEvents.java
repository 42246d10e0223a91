package com.omniops.query.audit;

import static com.omniops.query.audit.EventTable.AGGREGATE_IDENTIFIER;
import static com.omniops.query.audit.EventTable.DOMAIN_EVENT_ENTRY;
import static com.omniops.query.audit.EventTable.GLOBAL_INDEX;
import static com.omniops.query.audit.EventTable.META_DATA;
import static com.omniops.query.audit.EventTable.PAYLOAD_TYPE;
import static com.omniops.query.audit.EventTable.SEQUENCE_NUMBER;
import static com.omniops.query.audit.EventTable.TIME_STAMP;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;

import com.omniops.projections.support.PageRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads Axon's event table as stored (JDBC event store only; with Axon Server the stream lives there instead). Large
 * reads are streamed through a server-side cursor, never loaded whole.
 */
@Component
public class StoredEvents {

    /** Rows fetched per round trip when streaming. */
    static final int FETCH_SIZE = 500;

    /** The metadata key {@code user}, read from the stored metadata JSON. */
    private static final Field<String> METADATA_USER =
            field("(CAST(convert_from({0}, 'UTF8') AS jsonb) ->> {1})", String.class, META_DATA, inline("user"));
    private static final Field<OffsetDateTime> STORED_AT =
            field("CAST({0} AS timestamptz)", OffsetDateTime.class, TIME_STAMP);

    private final DSLContext dsl;

    public StoredEvents(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Events of one aggregate in sequence order; {@code totalItems} is 0 when the aggregate is unknown. */
    @Transactional(readOnly = true)
    public AuditEventPage history(String aggregateId, PageRequest page) {
        long total = dsl.fetchCount(DOMAIN_EVENT_ENTRY, AGGREGATE_IDENTIFIER.eq(aggregateId));
        var items = dsl.select(EventTable.ALL).from(DOMAIN_EVENT_ENTRY)
                .where(AGGREGATE_IDENTIFIER.eq(aggregateId))
                .orderBy(SEQUENCE_NUMBER)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> AuditEvent.of(StoredEvent.from(r)));
        return new AuditEventPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /** Matching events in stream (global index) order. */
    @Transactional(readOnly = true)
    public AuditEventPage search(EventFilter filter, PageRequest page) {
        Condition where = condition(filter);
        long total = dsl.fetchCount(DOMAIN_EVENT_ENTRY, where);
        var items = dsl.select(EventTable.ALL).from(DOMAIN_EVENT_ENTRY)
                .where(where)
                .orderBy(GLOBAL_INDEX)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> AuditEvent.of(StoredEvent.from(r)));
        return new AuditEventPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /**
     * Hands every matching event, in global index order, to {@code sink} while reading them through a cursor. The
     * caller must run this inside a transaction (PostgreSQL only streams with auto-commit off).
     */
    public long stream(EventFilter filter, Consumer<StoredEvent> sink) {
        long count = 0;
        try (var cursor = dsl.select(EventTable.ALL).from(DOMAIN_EVENT_ENTRY)
                .where(condition(filter))
                .orderBy(GLOBAL_INDEX)
                .fetchSize(FETCH_SIZE)
                .fetchLazy()) {
            for (var r : cursor) {
                sink.accept(StoredEvent.from(r));
                count++;
            }
        }
        return count;
    }

    /** The highest global index stored, or 0 for an empty stream. */
    public long head() {
        Long head = dsl.select(max(GLOBAL_INDEX)).from(DOMAIN_EVENT_ENTRY).fetchOne(0, Long.class);
        return head == null ? 0 : head;
    }

    private static Condition condition(EventFilter f) {
        Condition c = noCondition();
        if (f.type() != null) {
            c = c.and(f.type().contains(".") ? PAYLOAD_TYPE.eq(f.type())
                    : PAYLOAD_TYPE.eq(f.type()).or(PAYLOAD_TYPE.like("%." + escapeLike(f.type()), '!')));
        }
        if (f.aggregateId() != null) {
            c = c.and(AGGREGATE_IDENTIFIER.eq(f.aggregateId()));
        }
        if (f.user() != null) {
            c = c.and(METADATA_USER.eq(f.user()));
        }
        if (f.from() != null) {
            c = c.and(STORED_AT.ge(utc(f.from())));
        }
        if (f.to() != null) {
            c = c.and(STORED_AT.lt(utc(f.to())));
        }
        return c;
    }

    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
