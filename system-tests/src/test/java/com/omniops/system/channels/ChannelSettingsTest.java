package com.omniops.system.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A channel changed after registration (POST /api/channels/{channel}/settings): a 3PL added in first place for peak
 * and a larger safety buffer. The next order allocates from the new warehouse while the one before keeps its
 * allocation; availability, the change feed, the channel's master data and its in-stock KPI follow the new rules; the
 * audit trail names who changed what and why; every read model it touches verifies against a recomputation. On the
 * isolated apps, because it verifies read models.
 */
class ChannelSettingsTest {

    private static IsolatedApps apps;
    private static TestMerchant merchant;

    @BeforeAll
    static void apps() {
        apps = IsolatedApps.get();
        merchant = apps.merchant();
    }

    @Test
    void aChannelGainingAWarehouseAllocatesItsNextOrderFromItAndEveryFigureFollows() {
        String own = merchant.id("SET-OWN");
        String tpl = merchant.id("SET-3PL");
        String channel = merchant.channel(List.of(own), "PRIORITY", false, 0);
        String s1 = merchant.product(channel);
        String s2 = merchant.product(channel);
        merchant.receive(own, s1, 5, "4.00");
        merchant.receive(tpl, s1, 20, "4.00"); // the 3PL does not feed the channel yet
        merchant.receive(own, s2, 1, "4.00");
        assertThat(allocatedFrom(place(channel, s1, 3))).containsExactly(own);

        Http.Response changed = change(channel, Map.of("warehouseIds", List.of(tpl, own), "safetyBuffer", 2,
                "reason", "Peak season: the 3PL ships first"));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("changed").asBoolean()).isTrue();
        assertThat(changed.body().path("warehouseIds")).extracting(JsonNode::asText).containsExactly(tpl, own);
        assertThat(changed.body().path("allocationStrategy").asText()).as("kept").isEqualTo("PRIORITY");
        assertThat(changed.body().path("safetyBuffer").asInt()).isEqualTo(2);

        assertThat(allocatedFrom(place(channel, s1, 3))).as("the next order, from the new first warehouse")
                .containsExactly(tpl);

        // s1: 3PL 20 − 3 + own 5 − 3 = 19, less the buffer of 2 = 17; s2: own 1 − 2 → 0
        await().atMost(Duration.ofSeconds(30)).until(() -> availableToSell(channel, s1) == 17
                && availableToSell(channel, s2) == 0);
        JsonNode view = Http.get(apps.queryUrl() + "/api/channels/" + channel).body();
        assertThat(view.path("warehouseIds")).extracting(JsonNode::asText).containsExactly(tpl, own);
        assertThat(view.path("safetyBuffer").asInt()).isEqualTo(2);
        assertThat(view.path("settingsChangedAt").asText()).isNotBlank();

        await().atMost(Duration.ofSeconds(30)).until(() -> feed(channel).stream()
                .anyMatch(c -> c.path("cause").asText().equals("StockReserved") && c.path("sku").asText().equals(s1)
                        && c.path("availableToSell").asInt() == 17));
        List<JsonNode> byTheChange = feed(channel).stream()
                .filter(c -> c.path("cause").asText().equals("ChannelSettingsChanged")).toList();
        assertThat(byTheChange).extracting(c -> c.path("sku").asText() + ": " + c.path("previous").asInt() + " → "
                + c.path("availableToSell").asInt()).containsExactlyInAnyOrder(s1 + ": 2 → 20", s2 + ": 1 → 0");

        // today: 2 SKUs listed, s1 in stock at the day's end, s2 not; s2 ran out once (by the change)
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> inStock(channel, today).path("stockouts").asInt() == 1);
        JsonNode inStock = inStock(channel, today);
        assertThat(inStock.path("skuDays").asInt()).isEqualTo(2);
        assertThat(inStock.path("inStockSkuDays").asInt()).isEqualTo(1);

        JsonNode history = Http.get(apps.queryUrl() + "/api/audit/aggregates/channel~" + channel + "/events").body()
                .path("items");
        assertThat(history).extracting(e -> e.path("type").asText())
                .containsExactly("ChannelRegistered", "ChannelSettingsChanged");
        assertThat(history.get(1).path("payload").path("reason").asText()).isEqualTo("Peak season: the 3PL ships "
                + "first");
        assertThat(history.get(1).path("metadata").path("user").asText()).isEqualTo("admin");

        for (String model : List.of("availability", "channel-feed", "kpis", "master-data")) {
            JsonNode verified = Http.post(apps.queryUrl() + "/api/admin/processors/" + model + "/verify", "")
                    .body();
            assertThat(verified.path("identical").asBoolean()).as(model + ": " + verified).isTrue();
        }
    }

    @Test
    void settingsAsTheyAlreadyAreRecordNothing() {
        String warehouse = merchant.id("SET-SAME");
        String channel = merchant.channel(List.of(warehouse), "MOST_STOCK", true, 3);
        Http.Response same = change(channel, Map.of("warehouseIds", List.of(warehouse), "allocationStrategy",
                "MOST_STOCK", "backordersAllowed", true, "safetyBuffer", 3));
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.body().path("changed").asBoolean()).isFalse();
        JsonNode history = Http.get(apps.queryUrl() + "/api/audit/aggregates/channel~" + channel + "/events").body()
                .path("items");
        assertThat(history).extracting(e -> e.path("type").asText()).containsExactly("ChannelRegistered");
    }

    @Test
    void badChangesAreRefusedWithTheFieldAndChangeNothing() {
        String warehouse = merchant.id("SET-BAD");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        assertRefused(change(channel, Map.of()), 400, "VALIDATION_FAILED", "body");
        assertRefused(change(channel, Map.of("reason", "nothing else")), 400, "VALIDATION_FAILED", "body");
        assertRefused(change(channel, Map.of("warehouseIds", List.of())), 400, "VALIDATION_FAILED",
                "warehouseIds");
        assertRefused(change(channel, Map.of("safetyBuffer", -1)), 400, "VALIDATION_FAILED", "safetyBuffer");
        assertRefused(change(channel, Map.of("allocationStrategy", "CHEAPEST")), 400, null, null);
        Http.Response repeated = change(channel, Map.of("warehouseIds", List.of(warehouse, warehouse)));
        assertThat(repeated.status()).as(repeated.body().toString()).isEqualTo(400);
        assertThat(repeated.code()).isEqualTo("VALIDATION_FAILED");
        Http.Response unknown = change(merchant.id("NO-SUCH-CHANNEL"), Map.of("safetyBuffer", 1));
        assertThat(unknown.status()).as(unknown.body().toString()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CHANNEL_NOT_FOUND");
        Http.Response notAdmin = Http.as("sales").postAs(apps.commandUrl() + "/api/channels/" + channel + "/settings",
                Map.of("safetyBuffer", 1));
        assertThat(notAdmin.status()).isEqualTo(403);

        JsonNode history = Http.get(apps.queryUrl() + "/api/audit/aggregates/channel~" + channel + "/events").body()
                .path("items");
        assertThat(history).extracting(e -> e.path("type").asText()).containsExactly("ChannelRegistered");
    }

    private static void assertRefused(Http.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.code()).isEqualTo(code);
        }
        if (field != null) {
            assertThat(response.body().toString()).contains("\"" + field + "\"");
        }
    }

    private static Http.Response change(String channel, Map<String, Object> settings) {
        return Http.post(apps.commandUrl() + "/api/channels/" + channel + "/settings", settings);
    }

    private static JsonNode place(String channel, String sku, int quantity) {
        Http.Response placed = Http.post(apps.commandUrl() + "/api/orders", TestMerchant.order(channel,
                "REF-" + UUID.randomUUID(), TestMerchant.line(sku, quantity)));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        return placed.body();
    }

    private static List<String> allocatedFrom(JsonNode placement) {
        List<String> warehouses = new ArrayList<>();
        placement.path("allocations").forEach(a -> warehouses.add(a.path("warehouseId").asText()));
        return warehouses;
    }

    private static int availableToSell(String channel, String sku) {
        JsonNode items = Http.get(apps.queryUrl() + "/api/availability?channel=" + channel + "&sku=" + sku).body()
                .path("items");
        return items.isEmpty() ? -1 : items.get(0).path("availableToSell").asInt();
    }

    private static List<JsonNode> feed(String channel) {
        List<JsonNode> changes = new ArrayList<>();
        Http.get(apps.queryUrl() + "/api/channels/" + channel + "/availability/changes?limit=500").body()
                .path("changes").forEach(changes::add);
        return changes;
    }

    private static JsonNode inStock(String channel, String day) {
        return Http.get(apps.queryUrl() + "/api/kpis?channel=" + channel + "&granularity=DAY&from=" + day + "&to="
                + day).body().path("periods").path(0).path("inStock");
    }
}
