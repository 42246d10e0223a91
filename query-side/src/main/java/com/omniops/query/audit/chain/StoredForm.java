package com.omniops.query.audit.chain;

import com.omniops.query.audit.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an event's stored form chained to its predecessor: SHA-256(previous hash ‖ stored form), where the
 * stored form is every column of the event row, each length-prefixed (−1 for null) so that no two different rows
 * encode alike: global index, event id, aggregate type, aggregate id, sequence number, payload type, payload revision,
 * payload bytes, metadata bytes, timestamp. The first event's predecessor hash is 32 zero bytes.
 */
public final class StoredForm {

    public static final byte[] GENESIS = new byte[32];

    private StoredForm() {
    }

    public static byte[] chainedHash(byte[] previous, StoredEvent e) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 + length(e.payload()) + length(e.metaData()));
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeLong(e.globalIndex());
            text(out, e.eventIdentifier());
            text(out, e.aggregateType());
            text(out, e.aggregateIdentifier());
            out.writeLong(e.sequenceNumber());
            text(out, e.payloadType());
            text(out, e.payloadRevision());
            bytes(out, e.payload());
            bytes(out, e.metaData());
            text(out, e.timeStamp());
        } catch (IOException ioe) {
            throw new UncheckedIOException(ioe);
        }
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(buffer.toByteArray());
        return sha256.digest();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
