package com.omniops.system.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Master data written through the command API can be discovered through the query API: products (status, listings),
 * channels (rules, warehouses in priority order), warehouses (derived from channels and stock items), suppliers and
 * reorder rules — listed, filtered, paged, fetched by id (404 problem+json when unknown), and readable only by the
 * roles of the access matrix ({@link MasterDataChannelScopeTest}: what a channel integration sees).
 */
class MasterDataApiTest {

    private static final TestMerchant MERCHANT = new TestMerchant();
    private static final Http VIEWER = Http.as("viewer");
    private static final Http WEB_SHOP = Http.as("web-shop");

    private static String north;
    private static String south;
    private static String marketplace;
    private static String b2b;
    private static String skuA;
    private static String skuB;
    private static String skuC;
    private static String supplier;

    @BeforeAll
    static void masterData() {
        north = MERCHANT.id("WH-N");
        south = MERCHANT.id("WH-S");
        marketplace = MERCHANT.channel(List.of(south, north), "MOST_STOCK", true, 3);
        Http.Response registered = Http.post(TestApps.commandUrl() + "/api/channels", Map.of(
                "channelId", MERCHANT.id("B2B"), "name", "Reseller", "type", "B2B", "warehouseIds", List.of(north),
                "currency", "EUR", "pricesIncludeTax", false));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        b2b = MERCHANT.id("B2B");
        skuA = MERCHANT.product(marketplace);
        skuB = MERCHANT.product(marketplace);
        skuC = MERCHANT.product(b2b);
        assertThat(Http.post(TestApps.commandUrl() + "/api/products/" + skuB + "/discontinue",
                Map.of("reason", "end of line")).status()).isEqualTo(200);
        MERCHANT.receive(north, skuA, 5, "2.00");
        MERCHANT.receive(north, skuB, 5, "2.00");
        MERCHANT.receive(north, skuB, 5, "2.00"); // a second receipt is still one stock item
        MERCHANT.receive(south, skuC, 5, "2.00");
        supplier = MERCHANT.id("SUP");
        assertThat(Http.post(TestApps.commandUrl() + "/api/suppliers", Map.of("supplierId", supplier,
                "name", "Acme Textiles " + supplier, "leadTimeMeanDays", 7, "leadTimeStdDevDays", 1.5,
                "minimumOrderQuantity", 12, "currency", "EUR")).status()).isEqualTo(201);
        assertThat(Http.as("purchasing").postAs(TestApps.commandUrl() + "/api/stock/" + north + "/" + skuA
                + "/reorder-rule", Map.of("supplierId", supplier, "method", "MIN_MAX", "min", 10, "max", 40,
                "multiple", 6)).status()).isEqualTo(200);
        assertThat(Http.as("purchasing").postAs(TestApps.commandUrl() + "/api/stock/" + north + "/" + skuB
                + "/reorder-rule", Map.of("supplierId", supplier, "method", "SERVICE_LEVEL", "serviceLevel", 0.95,
                "max", 30, "multiple", 1)).status()).isEqualTo(200);
        // generous: on a first start the query side's processors are still catching up with the stream
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(get("/api/products?q=" + MERCHANT.id("")).path("totalItems").asInt()).isEqualTo(3);
            assertThat(get("/api/warehouses/" + south).path("stockItems").asInt()).isEqualTo(1);
            assertThat(get("/api/reorder-rules?warehouse=" + north).path("totalItems").asInt()).isEqualTo(2);
            assertThat(Http.get(TestApps.queryUrl() + "/api/suppliers/" + supplier).status()).isEqualTo(200);
        });
    }

    @Test
    void productsAreListedWithStatusAndListingsFilteredAndPaged() {
        JsonNode all = get("/api/products?q=" + MERCHANT.id("").toLowerCase() + "&size=2");
        assertThat(all.path("totalItems").asInt()).as("text search ignores case").isEqualTo(3);
        assertThat(all.path("totalPages").asInt()).isEqualTo(2);
        List<String> walked = new ArrayList<>(skus(all));
        walked.addAll(skus(get("/api/products?q=" + MERCHANT.id("") + "&size=2&page=1")));
        assertThat(walked).as("by SKU, page after page").containsExactlyElementsOf(sorted(skuA, skuB, skuC));

        assertThat(skus(get("/api/products?channel=" + marketplace))).containsExactlyElementsOf(sorted(skuA, skuB));
        assertThat(skus(get("/api/products?channel=" + marketplace + "&status=discontinued"))).containsExactly(skuB);
        assertThat(skus(get("/api/products?channel=" + marketplace + "&status=ACTIVE"))).containsExactly(skuA);
        assertThat(skus(get("/api/products?q=%25"))).as("% is a character, not a wildcard").isEmpty();

        JsonNode a = get("/api/products/" + skuA);
        assertThat(a.path("name").asText()).isEqualTo("Test product " + skuA);
        assertThat(a.path("unitOfMeasure").asText()).isEqualTo("EA");
        assertThat(a.path("taxCategory").asText()).isEqualTo("STANDARD");
        assertThat(a.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(a.path("listings")).extracting(l -> l.path("channelId").asText() + "=" + l.path("channelSku")
                .asText()).containsExactly(marketplace + "=" + marketplace + "-" + skuA);
        JsonNode b = get("/api/products/" + skuB);
        assertThat(b.path("status").asText()).isEqualTo("DISCONTINUED");
        assertThat(b.path("discontinuedReason").asText()).isEqualTo("end of line");
        assertThat(b.path("discontinuedAt").asText()).isNotBlank();

        notFound("/api/products/" + MERCHANT.id("NOPE"), "PRODUCT_NOT_FOUND");
        invalid("/api/products?status=SOLD_OUT");
        invalid("/api/products?size=0");
    }

    @Test
    void channelsShowTheirRulesAndWarehousesInPriorityOrder() {
        JsonNode channel = get("/api/channels/" + marketplace);
        assertThat(channel.path("type").asText()).isEqualTo("MARKETPLACE");
        assertThat(channel.path("warehouseIds")).extracting(JsonNode::asText).containsExactly(south, north);
        assertThat(channel.path("allocationStrategy").asText()).isEqualTo("MOST_STOCK");
        assertThat(channel.path("backordersAllowed").asBoolean()).isTrue();
        assertThat(channel.path("safetyBuffer").asInt()).isEqualTo(3);
        JsonNode reseller = get("/api/channels/" + b2b);
        assertThat(reseller.path("allocationStrategy").asText()).as("the default").isEqualTo("PRIORITY");
        assertThat(reseller.path("backordersAllowed").asBoolean()).isFalse();
        assertThat(reseller.path("currency").asText()).isEqualTo("EUR");
        assertThat(reseller.path("pricesIncludeTax").asBoolean()).as("B2B prices are net").isFalse();

        assertThat(channelIds(get("/api/channels?warehouse=" + south))).containsExactly(marketplace);
        assertThat(channelIds(get("/api/channels?warehouse=" + north + "&type=B2B"))).containsExactly(b2b);
        JsonNode firstPage = get("/api/channels?size=1");
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(firstPage.path("totalItems").asInt()).as("this test's two at least").isGreaterThanOrEqualTo(2);
        assertThat(firstPage.path("totalPages").asInt()).isEqualTo(firstPage.path("totalItems").asInt());

        notFound("/api/channels/" + MERCHANT.id("NOPE"), "CHANNEL_NOT_FOUND");
        invalid("/api/channels?type=SHOP");
    }

    @Test
    void warehousesAreDerivedFromChannelsAndStockItems() {
        JsonNode northView = get("/api/warehouses/" + north);
        assertThat(northView.path("stockItems").asInt()).isEqualTo(2);
        assertThat(northView.path("channels")).extracting(c -> c.path("channelId").asText() + "#"
                + c.path("priority").asInt()).contains(marketplace + "#2", b2b + "#1");
        JsonNode southView = get("/api/warehouses/" + south);
        assertThat(southView.path("channels")).extracting(c -> c.path("channelId").asText())
                .containsExactly(marketplace);

        String onlyStock = MERCHANT.id("WH-X");
        MERCHANT.receive(onlyStock, skuC, 1, "1.00");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode x = get("/api/warehouses/" + onlyStock);
            assertThat(x.path("stockItems").asInt()).as("no channel, but a stock item").isEqualTo(1);
            assertThat(x.path("channels")).isEmpty();
        });

        assertThat(warehouseIds(get("/api/warehouses?channel=" + marketplace))).containsExactly(north, south);
        List<String> all = new ArrayList<>();
        JsonNode page = get("/api/warehouses?size=1");
        int pages = page.path("totalPages").asInt();
        for (int i = 0; i < pages; i++) {
            all.addAll(warehouseIds(get("/api/warehouses?size=1&page=" + i)));
        }
        assertThat(all).as("paging walks every warehouse once").doesNotHaveDuplicates()
                .contains(north, south, onlyStock).hasSize(page.path("totalItems").asInt());

        notFound("/api/warehouses/" + MERCHANT.id("NOPE"), "WAREHOUSE_NOT_FOUND");
    }

    @Test
    void suppliersShowTheirTerms() {
        JsonNode view = get("/api/suppliers/" + supplier);
        assertThat(view.path("name").asText()).isEqualTo("Acme Textiles " + supplier);
        assertThat(view.path("leadTimeMeanDays").decimalValue()).isEqualByComparingTo("7");
        assertThat(view.path("leadTimeStdDevDays").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(view.path("minimumOrderQuantity").asInt()).isEqualTo(12);
        assertThat(view.path("currency").asText()).isEqualTo("EUR");
        JsonNode found = get("/api/suppliers?q=acme+textiles+" + supplier);
        assertThat(found.path("items")).extracting(s -> s.path("supplierId").asText()).containsExactly(supplier);
        assertThat(get("/api/suppliers?size=1").path("items")).hasSize(1);
        notFound("/api/suppliers/" + MERCHANT.id("NOPE"), "SUPPLIER_NOT_FOUND");
    }

    @Test
    void reorderRulesAreListedPerStockItem() {
        JsonNode rule = get("/api/reorder-rules/" + north + "/" + skuA);
        assertThat(rule.path("stockItemId").asText()).isEqualTo(north + ":" + skuA);
        assertThat(rule.path("method").asText()).isEqualTo("MIN_MAX");
        assertThat(rule.path("min").asInt()).isEqualTo(10);
        assertThat(rule.path("max").asInt()).isEqualTo(40);
        assertThat(rule.path("multiple").asInt()).isEqualTo(6);
        assertThat(rule.path("supplierId").asText()).isEqualTo(supplier);
        JsonNode serviceLevel = get("/api/reorder-rules?supplier=" + supplier + "&method=service_level");
        assertThat(serviceLevel.path("items")).hasSize(1);
        assertThat(serviceLevel.path("items").get(0).path("sku").asText()).isEqualTo(skuB);
        assertThat(serviceLevel.path("items").get(0).path("serviceLevel").decimalValue())
                .isEqualByComparingTo("0.95");
        JsonNode paged = get("/api/reorder-rules?warehouse=" + north + "&size=1&page=1");
        assertThat(paged.path("items").get(0).path("sku").asText()).isEqualTo(sorted(skuA, skuB).get(1));
        assertThat(paged.path("totalPages").asInt()).isEqualTo(2);
        notFound("/api/reorder-rules/" + north + "/" + skuC, "REORDER_RULE_NOT_FOUND");
        invalid("/api/reorder-rules?method=JUST_IN_TIME");
    }

    @Test
    void readersNeedARoleAndChannelIntegrationsReadNoWarehousesSuppliersOrRules() {
        for (String path : List.of("/api/products", "/api/channels", "/api/warehouses", "/api/suppliers",
                "/api/reorder-rules")) {
            assertThat(Http.anonymous().getAs(TestApps.queryUrl() + path).status()).as(path).isEqualTo(401);
            for (String user : List.of("viewer", "sales", "warehouse", "purchasing", "finance", "auditor")) {
                assertThat(Http.as(user).getAs(TestApps.queryUrl() + path).status()).as(user + " " + path)
                        .isEqualTo(200);
            }
        }
        for (String path : List.of("/api/warehouses", "/api/warehouses/" + north, "/api/suppliers",
                "/api/suppliers/" + supplier, "/api/reorder-rules", "/api/reorder-rules/" + north + "/" + skuA)) {
            Http.Response refused = WEB_SHOP.getAs(TestApps.queryUrl() + path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheMasterDataEndpoints() {
        JsonNode paths = get("/v3/api-docs").path("paths");
        for (String path : List.of("/api/products", "/api/products/{sku}", "/api/channels",
                "/api/channels/{channelId}", "/api/warehouses", "/api/warehouses/{warehouseId}", "/api/suppliers",
                "/api/suppliers/{supplierId}", "/api/reorder-rules", "/api/reorder-rules/{warehouseId}/{sku}")) {
            assertThat(paths.path(path).path("get").path("summary").asText()).as(path).isNotBlank();
        }
        assertThat(paths.path("/api/products/{sku}").path("get").path("responses").has("404")).isTrue();
    }

    private static JsonNode get(String path) {
        Http.Response response = VIEWER.getAs(TestApps.queryUrl() + path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static void notFound(String path, String code) {
        Http.Response response = VIEWER.getAs(TestApps.queryUrl() + path);
        assertThat(response.status()).as(path).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private static void invalid(String path) {
        Http.Response response = VIEWER.getAs(TestApps.queryUrl() + path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("INVALID_PARAMETER");
    }

    private static List<String> sorted(String... values) {
        return Stream.of(values).sorted().toList();
    }

    private static List<String> skus(JsonNode page) {
        List<String> result = new ArrayList<>();
        page.path("items").forEach(p -> result.add(p.path("sku").asText()));
        return result;
    }

    private static List<String> channelIds(JsonNode page) {
        List<String> result = new ArrayList<>();
        page.path("items").forEach(c -> result.add(c.path("channelId").asText()));
        return result;
    }

    private static List<String> warehouseIds(JsonNode page) {
        List<String> result = new ArrayList<>();
        page.path("items").forEach(w -> result.add(w.path("warehouseId").asText()));
        return result;
    }
}
