package com.omniops.system.security;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.omniops.system.support.TestMerchant.line;
import static com.omniops.system.support.TestMerchant.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A channel integration (demo user web-shop, bound to channel WEB) may only place and read its own channel's orders. */
class ChannelIntegrationAccessTest {

    private static final Http WEB_SHOP = Http.as("web-shop");
    private static final TestMerchant MERCHANT = new TestMerchant();
    private static String sku;

    @BeforeAll
    static void channels() {
        String warehouse = MERCHANT.id("WH");
        for (String channel : List.of("WEB", "MKT-AMAZON")) {
            Http.Response registered = Http.post(TestApps.commandUrl() + "/api/channels", Map.of("channelId", channel,
                    "name", channel, "type", "WEBSITE", "currency", "EUR", "pricesIncludeTax", false,
                    "warehouseIds", List.of(warehouse)));
            assertThat(registered.status()).isIn(201, 409); // another test class may have made it already
        }
        sku = MERCHANT.product("WEB", "MKT-AMAZON");
        MERCHANT.receive(warehouse, sku, 50, "3.00");
    }

    @Test
    void aChannelIntegrationPlacesOrdersOnlyForItsOwnChannel() {
        Http.Response own = WEB_SHOP.postAs(TestApps.commandUrl() + "/api/orders",
                order("WEB", MERCHANT.id("W1"), line(sku, 1)));
        assertThat(own.status()).as(own.raw().body()).isEqualTo(201);

        Http.Response other = WEB_SHOP.postAs(TestApps.commandUrl() + "/api/orders",
                order("MKT-AMAZON", MERCHANT.id("A1"), line(sku, 1)));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
    }

    @Test
    void aChannelIntegrationCannotCancelOrSeeAnotherChannelsOrders() {
        Http.Response amazonOrder = Http.as("sales").postAs(TestApps.commandUrl() + "/api/orders",
                order("MKT-AMAZON", MERCHANT.id("A2"), line(sku, 1)));
        assertThat(amazonOrder.status()).isEqualTo(201);
        String orderId = amazonOrder.body().path("orderId").asText();
        Http.Response webOrder = WEB_SHOP.postAs(TestApps.commandUrl() + "/api/orders",
                order("WEB", MERCHANT.id("W2"), line(sku, 1)));
        String webOrderId = webOrder.body().path("orderId").asText();

        Http.Response cancel = WEB_SHOP.postAs(TestApps.commandUrl() + "/api/orders/" + orderId + "/cancel",
                Map.of("reason", "not mine"));
        assertThat(cancel.status()).isEqualTo(403);
        assertThat(cancel.code()).isEqualTo("CHANNEL_NOT_ALLOWED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Http.get(TestApps.queryUrl() + "/api/orders/" + orderId).status()).isEqualTo(200);
            assertThat(WEB_SHOP.getAs(TestApps.queryUrl() + "/api/orders/" + webOrderId).status()).isEqualTo(200);
        });
        Http.Response foreign = WEB_SHOP.getAs(TestApps.queryUrl() + "/api/orders/" + orderId);
        assertThat(foreign.status()).as("another channel's order does not exist for this caller").isEqualTo(404);
        Http.Response filtered = WEB_SHOP.getAs(TestApps.queryUrl() + "/api/orders?channel=MKT-AMAZON");
        assertThat(filtered.status()).isEqualTo(403);
        assertThat(filtered.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
        Http.Response mine = WEB_SHOP.getAs(TestApps.queryUrl() + "/api/orders?size=200");
        assertThat(mine.body().path("items")).isNotEmpty()
                .allSatisfy(o -> assertThat(o.path("channelId").asText()).isEqualTo("WEB"));
        Http.Response stock = WEB_SHOP.getAs(TestApps.queryUrl() + "/api/availability?size=200");
        assertThat(stock.body().path("items"))
                .allSatisfy(row -> assertThat(row.path("channelId").asText()).isEqualTo("WEB"));
    }
}
