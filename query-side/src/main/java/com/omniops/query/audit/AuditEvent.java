package com.omniops.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One stored event as an auditor sees it: where it sits in the stream, what happened, when it was stored, the payload
 * exactly as stored (not upcast) and every metadata key the writer attached.
 */
@Schema(description = "A stored event. payload is the JSON as stored (its payloadRevision tells the version); metadata "
        + "carries every key the writer attached: correlationId and traceId (Axon), and with authentication user, "
        + "roles, causationId and requestId.")
public record AuditEvent(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                         String type, String payloadType, String payloadRevision, Instant timestamp,
                         JsonNode payload, JsonNode metadata) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static AuditEvent of(StoredEvent e) {
        return new AuditEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                e.sequenceNumber(), e.simpleType(), e.payloadType(), e.payloadRevision(), Instant.parse(e.timeStamp()),
                json(e.payload()), e.metaData() == null ? JsonNodeFactory.instance.objectNode() : json(e.metaData()));
    }

    /** Stored bytes as JSON; bytes that are no longer valid JSON (damaged or tampered) are shown as text. */
    static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** A metadata value as text, or null. */
    public String metadataText(String key) {
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
