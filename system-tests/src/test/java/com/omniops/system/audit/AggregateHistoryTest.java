package com.omniops.system.audit;

import static com.omniops.system.audit.AuditTestSupport.apps;
import static com.omniops.system.audit.AuditTestSupport.items;
import static com.omniops.system.audit.AuditTestSupport.placeOrder;
import static com.omniops.system.audit.AuditTestSupport.query;
import static com.omniops.system.audit.AuditTestSupport.ship;
import static com.omniops.system.audit.AuditTestSupport.stockedChannel;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestMerchant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/audit/aggregates/{id}/events: the full stored history of an aggregate, with its metadata. */
class AggregateHistoryTest {

    private final TestMerchant merchant = apps().merchant();

    @Test
    void historyOfAnOrderListsEveryEventInSequenceOrderWithPositionTimestampPayloadAndMetadata() {
        String[] c = stockedChannel(merchant, 5);
        String orderId = placeOrder(merchant, c[0], c[1], 2);
        ship(orderId, c[2]);

        JsonNode events = items(query("/api/audit/aggregates/" + orderId + "/events"));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("type").asText()).isEqualTo("OrderPlaced");
        assertThat(events.get(1).get("type").asText()).isEqualTo("OrderShipped");
        assertThat(events.get(0).get("sequence").asLong()).isZero();
        assertThat(events.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(events.get(1).get("globalIndex").asLong()).isGreaterThan(events.get(0).get("globalIndex").asLong());
        assertThat(events.get(0).get("aggregateType").asText()).isEqualTo("Order");
        assertThat(events.get(0).get("payloadType").asText()).isEqualTo("com.omniops.events.order.OrderPlaced");
        // OrderPlaced revision 2 (pricesIncludeTax) is what a placement stores now
        assertThat(events.get(0).get("payloadRevision").asText()).isEqualTo("2");
        assertThat(events.get(0).get("timestamp").asText()).isNotBlank();
        assertThat(events.get(0).path("payload").path("orderId").asText()).isEqualTo(orderId);
        assertThat(events.get(1).path("payload").path("warehouseId").asText()).isEqualTo(c[2]);
        // Axon's correlation data providers put these on every event a command produces
        assertThat(events.get(0).path("metadata").has("correlationId")).isTrue();
        assertThat(events.get(0).path("metadata").has("causationId")).isTrue();
        assertThat(events.get(0).path("metadata").path("user").asText()).isEqualTo("admin");
    }

    @Test
    void historyIsPagedInSequenceOrder() {
        String[] c = stockedChannel(merchant, 20);
        String stockItem = c[2] + ":" + c[1];
        for (int i = 0; i < 4; i++) {
            placeOrder(merchant, c[0], c[1], 1);
        }
        List<Long> sequences = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Http.Response response = query("/api/audit/aggregates/" + stockItem + "/events?size=2&page=" + page);
            assertThat(response.body().get("totalItems").asLong()).isEqualTo(5); // received + 4 reservations
            assertThat(response.body().get("totalPages").asInt()).isEqualTo(3);
            items(response).forEach(e -> sequences.add(e.get("sequence").asLong()));
        }
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void anUnknownAggregateIsAProblemWithCodeAggregateNotFound() {
        Http.Response response = query("/api/audit/aggregates/NO-SUCH-AGGREGATE/events");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("AGGREGATE_NOT_FOUND");
        assertThat(query("/api/audit/aggregates/x/events?size=201").code()).isEqualTo("INVALID_PARAMETER");
    }
}
