package com.omniops.system.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/** Shortcuts for the audit suites, all on {@link IsolatedApps}. */
final class AuditTestSupport {

    private AuditTestSupport() {
    }

    static IsolatedApps apps() {
        return IsolatedApps.get();
    }

    static Http.Response query(String pathAndQuery) {
        return Http.get(apps().queryUrl() + pathAndQuery);
    }

    static Http.Response command(String path, Object body) {
        return Http.post(apps().commandUrl() + path, body);
    }

    /** A channel over one warehouse with a listed, stocked SKU; returns {channel, sku, warehouse}. */
    static String[] stockedChannel(TestMerchant merchant, int units) {
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, units, "4.00");
        return new String[] {channel, sku, warehouse};
    }

    static String placeOrder(TestMerchant merchant, String channel, String sku, int quantity) {
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, quantity));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body().get("orderId").asText();
    }

    static void ship(String orderId, String warehouse) {
        Http.Response shipped = command("/api/orders/" + orderId + "/shipments", Map.of("warehouseId", warehouse));
        assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(201);
    }

    /** Appends events of one aggregate through the command side's event store, with the given metadata. */
    static void append(String type, String aggregateId, long firstSequence, Map<String, ?> metadata,
                       Object... payloads) {
        var commandSide = apps().commandSide();
        List<GenericDomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            messages.add(new GenericDomainEventMessage<>(type, aggregateId, firstSequence + i, payloads[i],
                    MetaData.from(metadata)));
        }
        commandSide.getBean(TransactionManager.class)
                .executeInTransaction(() -> commandSide.getBean(EventStore.class).publish(messages));
    }

    static JsonNode items(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("items");
    }
}
