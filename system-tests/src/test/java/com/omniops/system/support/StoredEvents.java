package com.omniops.system.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the event store directly, as an auditor would. */
public final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    /** The metadata of an aggregate's events, in sequence order. */
    public static List<JsonNode> metadataOf(String aggregateId) {
        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        return jdbc.queryForList("SELECT convert_from(metaData, 'UTF8') FROM DomainEventEntry "
                        + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", String.class, aggregateId)
                .stream().map(StoredEvents::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
