package com.omniops.system.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A channel integration (web-shop, bound to channel WEB) reads its own channel and the products listed on it, with
 * that listing only; another channel, or a product not listed on WEB, does not exist for it. Runs on the isolated
 * apps: it registers channel WEB with warehouses of its own, which the suites on the shared apps define themselves.
 */
class MasterDataChannelScopeTest {

    private static final Http WEB_SHOP = Http.as("web-shop");
    private static IsolatedApps apps;
    private static TestMerchant merchant;
    private static String other;
    private static String listedOnBoth;
    private static String listedElsewhere;

    @BeforeAll
    static void channels() {
        apps = IsolatedApps.get();
        merchant = apps.merchant();
        String warehouse = merchant.id("WH");
        Http.Response web = Http.post(apps.commandUrl() + "/api/channels", Map.of("channelId", "WEB", "name", "WEB",
                "type", "WEBSITE", "warehouseIds", List.of(warehouse), "currency", "EUR", "pricesIncludeTax", true));
        assertThat(web.status()).isIn(201, 409);
        other = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        listedOnBoth = merchant.product(other, "WEB");
        listedElsewhere = merchant.product(other);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Http.get(apps.queryUrl()
                + "/api/products/" + listedElsewhere).status()).isEqualTo(200));
    }

    @Test
    void aChannelIntegrationSeesItsOwnChannelOnly() {
        assertThat(ids(WEB_SHOP.getAs(apps.queryUrl() + "/api/channels").body(), "channelId"))
                .containsExactly("WEB");
        assertThat(WEB_SHOP.getAs(apps.queryUrl() + "/api/channels/WEB").status()).isEqualTo(200);
        Http.Response another = WEB_SHOP.getAs(apps.queryUrl() + "/api/channels/" + other);
        assertThat(another.status()).as("another channel does not exist for it").isEqualTo(404);
        assertThat(another.code()).isEqualTo("CHANNEL_NOT_FOUND");
        assertThat(Http.as("viewer").getAs(apps.queryUrl() + "/api/channels/" + other).status())
                .as("people see every channel").isEqualTo(200);
    }

    @Test
    void aChannelIntegrationSeesTheProductsListedOnItsChannelWithThatListingOnly() {
        JsonNode products = WEB_SHOP.getAs(apps.queryUrl() + "/api/products?q=" + merchant.id("")).body();
        assertThat(ids(products, "sku")).as("only what is listed on WEB").containsExactly(listedOnBoth);
        assertThat(products.path("items").get(0).path("listings")).extracting(l -> l.path("channelId").asText())
                .as("and only the WEB listing").containsExactly("WEB");
        JsonNode product = WEB_SHOP.getAs(apps.queryUrl() + "/api/products/" + listedOnBoth).body();
        assertThat(product.path("listings")).extracting(l -> l.path("channelSku").asText())
                .containsExactly("WEB-" + listedOnBoth);
        Http.Response notListed = WEB_SHOP.getAs(apps.queryUrl() + "/api/products/" + listedElsewhere);
        assertThat(notListed.status()).as("not listed on WEB").isEqualTo(404);
        assertThat(notListed.code()).isEqualTo("PRODUCT_NOT_FOUND");
        Http.Response asked = WEB_SHOP.getAs(apps.queryUrl() + "/api/products?channel=" + other);
        assertThat(asked.status()).isEqualTo(403);
        assertThat(asked.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(Http.as("viewer").getAs(apps.queryUrl() + "/api/products/" + listedOnBoth).body()
                .path("listings")).as("people see every listing").hasSize(2);
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> result = new ArrayList<>();
        page.path("items").forEach(item -> result.add(item.path(field).asText()));
        return result;
    }
}
