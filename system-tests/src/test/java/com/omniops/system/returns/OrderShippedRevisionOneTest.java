package com.omniops.system.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An OrderShipped stored in its revision 1 form (before shippingCost existed), written straight into the event table
 * as an older release would have: the command side loads the order through the upcaster (delivery is accepted for
 * that shipment) and the query side projects it (shipping cost "not recorded").
 */
class OrderShippedRevisionOneTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void aStoredRevisionOneShipmentIsReadByTheAggregateAndTheOrderBoard() {
        String east = merchant.id("EAST");
        String channel = merchant.channel(List.of(east), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 5, "10.00");
        String orderId = merchant.placeOrder(channel, line(sku, 2)).body().path("orderId").asText();

        JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
        Map<String, Object> placed = jdbc.queryForMap("SELECT sequenceNumber, metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC LIMIT 1", orderId);
        long next = ((Number) placed.get("sequencenumber")).longValue() + 1;
        Instant shippedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String revisionOne = """
                {"orderId":"%s","shipmentId":"SHP-OLD","warehouseId":"%s",\
                "lines":[{"lineNo":1,"sku":"%s","quantity":2}],"carrier":"DHL","trackingNumber":"JD-OLD",\
                "shippedAt":"%s"}""".formatted(orderId, east, sku, shippedAt);
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, 'Order', ?, ?, ?, "
                        + "'1', 'com.omniops.events.order.OrderShipped', ?)",
                orderId, next, UUID.randomUUID().toString(), placed.get("metadata"),
                revisionOne.getBytes(StandardCharsets.UTF_8), shippedAt.toString());
        // the command side must read the row from the table, not from its cache of the order
        TestApps.commandSide().getBean("aggregateCache", Cache.class).removeAll();

        Http.Response delivered = Http.post(TestApps.commandUrl() + "/api/orders/" + orderId + "/delivery",
                Map.of("shipmentId", "SHP-OLD"));
        assertThat(delivered.status()).as(delivered.body().toString()).isEqualTo(200);
        assertThat(delivered.body().path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.body().path("fulfilment").path("shipments").asInt()).isEqualTo(1);

        // Jackson alone would also read the old JSON (the field is just missing); make sure both apps really read it
        // through the upcaster: their own upcaster chains turn the stored row into revision 2.
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", orderId, next);
        assertThat(revisionAfterUpcasting(TestApps.commandSide(), row)).isEqualTo("2");
        assertThat(revisionAfterUpcasting(TestApps.querySide(), row)).isEqualTo("2");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode board = Http.get(TestApps.queryUrl() + "/api/orders/" + orderId).body();
            assertThat(board.path("status").asText()).isEqualTo("DELIVERED");
            JsonNode shipment = board.path("shipments").get(0);
            assertThat(shipment.path("shipmentId").asText()).isEqualTo("SHP-OLD");
            assertThat(shipment.path("trackingNumber").asText()).isEqualTo("JD-OLD");
            assertThat(shipment.path("shippingCost").isNull()).as("not recorded in revision 1").isTrue();
        });
    }

    private static String revisionAfterUpcasting(ConfigurableApplicationContext app, Map<String, Object> row) {
        Configuration axon = app.getBean(Configuration.class);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>((String) row.get("type"),
                (String) row.get("aggregateidentifier"), ((Number) row.get("sequencenumber")).longValue(),
                (String) row.get("eventidentifier"), row.get("timestamp"), (String) row.get("payloadtype"),
                (String) row.get("payloadrevision"), (byte[]) row.get("payload"), (byte[]) row.get("metadata"));
        List<IntermediateEventRepresentation> upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(entry, axon.eventSerializer()))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0).getType().getRevision();
    }
}
