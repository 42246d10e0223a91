package com.omniops.system.audit;

import static com.omniops.system.audit.AuditTestSupport.apps;
import static com.omniops.system.audit.AuditTestSupport.items;
import static com.omniops.system.audit.AuditTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.product.ProductRegistered;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Event versioning: an event stored in an older revision (a JSON fixture of a fictitious ProductRegistered revision
 * 0) is read upcast by both apps, because both register EventUpcaster beans in their event store's upcaster chain;
 * the contract's own upcasters (shared-events ContractUpcasters) are such a bean in both apps.
 */
class LegacyEventUpcastingTest {

    @Test
    void aRevisionZeroEventStoredLongAgoIsReadUpcastByBothAppsWhileTheAuditShowsItAsStored() throws IOException {
        String sku = "LEGACY-" + UUID.randomUUID().toString().substring(0, 8);
        String fixture = fixture().replace("{{sku}}", sku);
        apps().queryBean(DSLContext.class).execute("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, "
                + "type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) VALUES "
                + "({0}, 0, 'Product', {1}, convert_to({2}, 'UTF8'), convert_to({3}, 'UTF8'), '0', {4}, "
                + "'2024-01-15T10:00:00.000Z')", sku, UUID.randomUUID().toString(), "{}", fixture,
                ProductRegistered.class.getName());

        // command side: its event store (the one aggregates load from) upcasts
        DomainEventMessage<?> onCommandSide = apps().commandSide().getBean(EventStore.class).readEvents(sku, 0).next();
        ProductRegistered upcast = (ProductRegistered) onCommandSide.getPayload();
        assertThat(upcast.name()).isEqualTo("Oak chair");
        assertThat(upcast.unitOfMeasure()).isEqualTo("EA");

        // query side: the audit state folds the upcast event ...
        JsonNode state = query("/api/audit/aggregates/" + sku + "/state").body().get("state");
        assertThat(state.get("name").asText()).isEqualTo("Oak chair");
        assertThat(state.get("taxCategory").asText()).isEqualTo("STANDARD");
        // ... while the history shows the event exactly as stored
        JsonNode stored = items(query("/api/audit/aggregates/" + sku + "/events")).get(0);
        assertThat(stored.get("payloadRevision").asText()).isEqualTo("0");
        assertThat(stored.path("payload").path("title").asText()).isEqualTo("Oak chair");

        for (var app : new org.springframework.context.ApplicationContext[] {apps().commandSide(), apps().querySide()}) {
            assertThat(app.getBean("contractUpcasters")).isInstanceOf(EventUpcaster.class);
        }
    }

    private static String fixture() throws IOException {
        try (InputStream in = LegacyEventUpcastingTest.class.getResourceAsStream(
                "/legacy-events/ProductRegistered-revision0.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
