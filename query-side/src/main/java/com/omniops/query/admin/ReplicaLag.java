package com.omniops.query.admin;

import com.omniops.query.admin.TokenPositions.StoredToken;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * How far the replica that queries read from ({@code com.omniops.query.config.ReplicaReadsConfig}) is behind the
 * primary: in write-ahead log bytes and replay time for the database as a whole, and, per processor, in events (the
 * replica's copy of the processor's tokens, which commit with its read model's rows). Reads the pools directly,
 * outside any transaction, so the primary's figures come from the primary and the replica's from the replica.
 */
@Component
@ConditionalOnExpression("!'${omniops.query.replica.url:}'.isBlank()")
public class ReplicaLag {

    private final DSLContext primary;
    private final DSLContext replica;
    private final TokenPositions tokens;
    private final Clock clock;

    public ReplicaLag(@Qualifier("primaryDataSource") DataSource primaryDataSource,
                      @Qualifier("replicaDataSource") DataSource replicaDataSource, TokenPositions tokens,
                      Clock clock) {
        this.primary = DSL.using(primaryDataSource, SQLDialect.POSTGRES);
        this.replica = DSL.using(replicaDataSource, SQLDialect.POSTGRES);
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The replica's replication state. {@code lagBytes}: write-ahead log the primary has written that the replica has
     * not replayed yet. {@code replayDelayMillis}: 0 when nothing is waiting, else the age of the last transaction the
     * replica replayed (PostgreSQL's usual measure: with commits waiting, that is how stale a query's view is).
     * {@code error}: why the figures could not be read (the replica or the primary is unreachable).
     */
    public record Replication(boolean inRecovery, Long lagBytes, Long replayDelayMillis, String error) {
    }

    public Replication replication() {
        try {
            Record3<Boolean, String, OffsetDateTime> standby = replica.select(
                            DSL.field("pg_is_in_recovery()", Boolean.class),
                            DSL.field("pg_last_wal_replay_lsn()::text", String.class),
                            DSL.field("pg_last_xact_replay_timestamp()", OffsetDateTime.class))
                    .fetchOne();
            String primaryLsn = primary.select(DSL.field("pg_current_wal_lsn()::text", String.class)).fetchOne(0,
                    String.class);
            if (standby == null || !Boolean.TRUE.equals(standby.value1()) || standby.value2() == null) {
                return new Replication(false, null, null, "the replica database is not a standby in recovery");
            }
            long lagBytes = Math.max(0, lsn(primaryLsn) - lsn(standby.value2()));
            Long delay = lagBytes == 0 ? Long.valueOf(0) : standby.value3() == null ? null
                    : Math.max(0, clock.millis() - standby.value3().toInstant().toEpochMilli());
            return new Replication(true, lagBytes, delay, null);
        } catch (RuntimeException e) {
            return new Replication(false, null, null, e.getMessage());
        }
    }

    /** The processor's tokens as the replica has them. */
    public List<StoredToken> tokens(String processorName) {
        return tokens.read(replica, processorName);
    }

    /** A log sequence number as PostgreSQL prints it ({@code 16/B374D848}): the high and low 32 bits, in hex. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
