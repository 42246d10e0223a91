package com.omniops.events.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omniops.events.json.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Edits a stored payload without touching its amounts. Axon's own JsonNode conversion strips trailing zeros from
 * decimals (a stored 39.90 would come back as 39.9), so upcasters of events that carry money read and
 * write the bytes with this mapper: the contract's mapper with exact decimals.
 */
final class ExactJson {

    private static final ObjectMapper MAPPER = EventJson.mapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ExactJson() {
    }

    static byte[] edit(byte[] payload, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(payload);
            edit.accept(node);
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event payload is not a JSON object", e);
        }
    }
}
