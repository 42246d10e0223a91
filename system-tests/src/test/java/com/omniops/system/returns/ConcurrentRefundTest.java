package com.omniops.system.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many refund requests race for one order's money: together they never earmark more than was captured. */
class ConcurrentRefundTest {

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void parallelRefundRequestsNeverExceedTheCapturedAmount() throws Exception {
        String east = merchant.id("EAST");
        String channel = merchant.channel(List.of(east), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 5, "10.00");
        String orderId = merchant.placeOrder(channel, line(sku, 2)).body().path("orderId").asText();
        String order = TestApps.commandUrl() + "/api/orders/" + orderId;
        Http.Response paid = Http.post(order + "/payments", Map.of("amount", new BigDecimal("40.00"),
                "currency", "EUR", "provider", "ADYEN", "reference", "PSP-" + orderId));
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);

        int requests = 24;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return Http.post(order + "/refunds", Map.of("source", "GOODWILL", "reason", "late delivery",
                        "amount", new BigDecimal("7.00"), "currency", "EUR"));
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Http.Response> result : results) {
            Http.Response response = result.get();
            if (response.status() == 201) {
                accepted++;
            } else {
                assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
                assertThat(response.code()).isEqualTo("REFUND_EXCEEDS_REFUNDABLE");
            }
        }
        pool.shutdown();

        assertThat(accepted).as("40.00 captured holds five refunds of 7.00").isEqualTo(5);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode money = Http.get(TestApps.queryUrl() + "/api/orders/" + orderId).body().path("money");
            assertThat(money.path("refundEarmarked").decimalValue()).isEqualByComparingTo("35.00");
            assertThat(money.path("refundable").decimalValue()).isEqualByComparingTo("5.00");
            JsonNode refunds = Http.get(TestApps.queryUrl() + "/api/refunds?status=REQUESTED&orderId=" + orderId)
                    .body();
            assertThat(refunds.path("totalItems").asInt()).isEqualTo(5);
        });
    }
}
