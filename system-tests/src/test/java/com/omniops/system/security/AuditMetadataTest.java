package com.omniops.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.StoredEvents;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.system.support.TestMerchant.line;
import static com.omniops.system.support.TestMerchant.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Every stored event says who caused it, in which request, and in which chain of messages. */
class AuditMetadataTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void eventsOfARestCommandCarryTheUserTheRequestAndTheCorrelationId() {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 5, "2.00");

        Http.Response placed = Http.as("sales").postAs(TestApps.commandUrl() + "/api/orders",
                order(channel, merchant.id("R1"), line(sku, 2)), "X-Correlation-Id", "checkout-4711");
        assertThat(placed.status()).isEqualTo(201);
        String requestId = placed.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(placed.header("X-Correlation-Id")).isEqualTo("checkout-4711");

        List<JsonNode> orderEvents = StoredEvents.metadataOf(placed.body().path("orderId").asText());
        List<JsonNode> stockEvents = StoredEvents.metadataOf(warehouse + ":" + sku);
        JsonNode reservation = stockEvents.get(stockEvents.size() - 1);
        for (JsonNode metadata : List.of(orderEvents.get(0), reservation)) {
            assertThat(metadata.path("user").asText()).isEqualTo("sales");
            assertThat(metadata.path("roles").asText()).isEqualTo("SALES");
            assertThat(metadata.path("requestId").asText()).isEqualTo(requestId);
            assertThat(metadata.path("correlationId").asText()).isEqualTo("checkout-4711");
            assertThat(metadata.path("causationId").asText()).as("the command that caused it").isNotBlank()
                    .isNotEqualTo(requestId);
        }
        assertThat(orderEvents.get(0).path("causationId").asText())
                .as("the order and its reservations were caused by one command")
                .isEqualTo(reservation.path("causationId").asText());
        // the receipt was another request by another user
        assertThat(stockEvents.get(0).path("user").asText()).isEqualTo("admin");
        assertThat(stockEvents.get(0).path("requestId").asText()).isNotEqualTo(requestId);
    }
}
