package com.omniops.bench.history;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One {@code COPY <table> (<columns>) FROM STDIN (FORMAT binary)} on its own connection, written row by row through a
 * buffer. The binary format (PostgreSQL's "COPY" page) is used because it needs no escaping: a bytea payload goes as
 * its bytes, not as twice as many hex digits. Only the column types the loader writes are encoded here (bigint,
 * integer, varchar, bytea, date, timestamptz).
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, // flags
            0, 0, 0, 0}; // header extension length
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L; // 2000-01-01T00:00:00Z
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + (1 << 16)];
    private int length;
    private long rows;

    BinaryCopy(Connection connection, String table, String... columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        bytes(HEADER);
    }

    /** Starts a row of {@code fields} columns; the caller then writes exactly that many values. */
    BinaryCopy row(int fields) throws SQLException {
        if (length >= FLUSH_AT) {
            flush();
        }
        short16(fields);
        rows++;
        return this;
    }

    BinaryCopy int64(long value) {
        int32(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    BinaryCopy int32Value(int value) {
        int32(4);
        int32(value);
        return this;
    }

    BinaryCopy text(String value) {
        return value == null ? nullValue() : bytea(value.getBytes(StandardCharsets.UTF_8));
    }

    BinaryCopy bytea(byte[] value) {
        if (value == null) {
            return nullValue();
        }
        int32(value.length);
        bytes(value);
        return this;
    }

    /** timestamptz: microseconds since 2000-01-01 UTC. */
    BinaryCopy timestamp(Instant instant) {
        if (instant == null) {
            return nullValue();
        }
        long micros = (instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + instant.getNano() / 1_000;
        return int64(micros);
    }

    /** date: days since 2000-01-01. */
    BinaryCopy date(LocalDate day) {
        return int32Value((int) (day.toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    BinaryCopy nullValue() {
        int32(-1);
        return this;
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY (its rows commit with it, the connection is in auto-commit); returns the rows the server took. */
    long finish() throws SQLException {
        short16(-1);
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void short16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
