package com.omniops.system.api;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.omniops.system.support.TestMerchant.line;
import static com.omniops.system.support.TestMerchant.order;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys, bad input and the problem+json contract of the command API. Bad input changes nothing. */
class CommandApiContractTest {

    private final TestMerchant merchant = new TestMerchant();
    private final JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
    private String warehouse;
    private String channel;
    private String sku;

    @BeforeEach
    void setUp() {
        warehouse = merchant.id("WH");
        channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 10, "4.00");
    }

    private int eventCount() {
        // alerts are raised by a policy, a moment after the earlier requests that caused them: not this request's writes
        Integer n = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry"
                + " WHERE aggregateIdentifier NOT LIKE 'alert~%'", Integer.class);
        return n == null ? 0 : n;
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().path("title").asText()).isNotBlank();
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseAndReceivesOnlyOnce() {
        String key = UUID.randomUUID().toString();
        String url = TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/receipts";
        Map<String, Object> body = Map.of("quantity", 5, "unitCost", new BigDecimal("4.00"), "currency", "EUR");
        int before = eventCount();

        Http.Response first = Http.post(url, body, "Idempotency-Key", key);
        Http.Response second = Http.post(url, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("onHand").asInt()).isEqualTo(15);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.raw().body()).isEqualTo(first.raw().body());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String url = TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/adjustments";
        assertThat(Http.post(url, Map.of("quantityDelta", -1, "reason", "DAMAGED"), "Idempotency-Key", key).status())
                .isEqualTo(201);
        int before = eventCount();
        assertProblem(Http.post(url, Map.of("quantityDelta", -2, "reason", "DAMAGED"), "Idempotency-Key", key), 422,
                "IDEMPOTENCY_KEY_REUSED");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/orders", order(channel, "X", line(sku, 1)),
                "Idempotency-Key", key), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRejectedRequestIsReplayedAsRejectedUnderItsKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> tooMuch = order(channel, merchant.id("R"), line(sku, 11));
        assertProblem(Http.post(TestApps.commandUrl() + "/api/orders", tooMuch, "Idempotency-Key", key), 422,
                "INSUFFICIENT_STOCK");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/orders", tooMuch, "Idempotency-Key", key), 422,
                "INSUFFICIENT_STOCK");
    }

    @Test
    void badInputGetsAClearFourHundredAndChangesNothing() {
        int before = eventCount();
        String orders = TestApps.commandUrl() + "/api/orders";

        assertProblem(Http.post(orders, "{\"channelId\": \"" + channel + "\", \"lines\": ["), 400,
                "MALFORMED_REQUEST");
        assertProblem(Http.post(orders, order(channel, merchant.id("Z"), line(sku, 0))), 400, "VALIDATION_FAILED");
        assertProblem(Http.post(orders, order(channel, merchant.id("N"), line(sku, -2))), 400, "VALIDATION_FAILED");
        assertProblem(Http.post(orders, order(channel, merchant.id("U"), line("NO-SUCH-SKU", 1))), 422,
                "UNKNOWN_SKU");
        assertProblem(Http.post(orders, order("NO-SUCH-CHANNEL", merchant.id("C"), line(sku, 1))), 422,
                "UNKNOWN_CHANNEL");
        assertProblem(Http.post(orders, order(channel, merchant.id("E"))), 400, "VALIDATION_FAILED");
        assertProblem(Http.post(orders, "{\"channelId\": \"" + channel + "\", \"junk\": \"" + "x".repeat(300_000)
                + "\"}"), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/receipts",
                Map.of("quantity", 1, "unitCost", new BigDecimal("1.001"), "currency", "EUR")), 400,
                "VALIDATION_FAILED");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/adjustments",
                Map.of("quantityDelta", -1)), 400, "VALIDATION_FAILED");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/stock/" + warehouse + "/" + sku + "/adjustments",
                Map.of("quantityDelta", -1, "reason", "BORED")), 400, "VALIDATION_FAILED"); // names the field
        assertProblem(Http.post(TestApps.commandUrl() + "/api/stock/" + warehouse + "/NO-SUCH-SKU/receipts",
                Map.of("quantity", 1, "unitCost", BigDecimal.ONE, "currency", "EUR")), 422, "UNKNOWN_SKU");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/orders/" + UUID.randomUUID() + "/cancel",
                Map.of("reason", "x")), 404, "ORDER_NOT_FOUND");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/products", Map.of("sku", sku, "name", "again")), 409,
                "PRODUCT_ALREADY_EXISTS");
        assertProblem(Http.post(TestApps.commandUrl() + "/api/products", Map.of("sku", "bad sku!", "name", "x")),
                400, "VALIDATION_FAILED");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void bothAppsPublishTheirOpenApiDocument() {
        Http.Response command = Http.get(TestApps.commandUrl() + "/v3/api-docs");
        assertThat(command.status()).isEqualTo(200);
        assertThat(command.body().path("paths").has("/api/orders")).isTrue();
        assertThat(command.body().path("paths").has("/api/stock/{warehouseId}/{sku}/receipts")).isTrue();
        Http.Response query = Http.get(TestApps.queryUrl() + "/v3/api-docs");
        assertThat(query.status()).isEqualTo(200);
        assertThat(query.body().path("paths").has("/api/availability")).isTrue();
        assertThat(Http.get(TestApps.commandUrl() + "/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
