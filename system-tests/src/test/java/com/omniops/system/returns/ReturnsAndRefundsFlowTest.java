package com.omniops.system.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order → ship → deliver → pay → return → receive → inspect (every disposition) → refund → payout, through both
 * apps' REST APIs; then stock, availability, the order board and the returns and refunds lists must agree.
 */
class ReturnsAndRefundsFlowTest {

    private final TestMerchant merchant = new TestMerchant();
    private final String east = merchant.id("EAST");

    private static String command(String path) {
        return TestApps.commandUrl() + path;
    }

    private static JsonNode query(String path) {
        Http.Response response = Http.get(TestApps.queryUrl() + path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static Http.Response post(String path, Object body, int expectedStatus) {
        Http.Response response = Http.post(command(path), body);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(expectedStatus);
        return response;
    }

    @Test
    void aDeliveredPaidOrderIsReturnedInspectedIntoEveryDispositionAndRefunded() {
        String channel = merchant.channel(List.of(east), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 10, "10.00");
        Http.Response placed = merchant.placeOrder(channel, line(sku, 4));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        String order = "/api/orders/" + orderId;

        JsonNode shipped = post(order + "/shipments", Map.of("warehouseId", east, "carrier", "DHL",
                "trackingNumber", "JD1", "shippingCost", new BigDecimal("6.50")), 201).body();
        assertThat(shipped.path("fulfilment").path("complete").asBoolean()).isTrue();
        assertThat(shipped.path("fulfilment").path("shipments").asInt()).isEqualTo(1);
        assertThat(shipped.path("fulfilment").path("onTime").asBoolean()).isTrue();
        JsonNode delivered = post(order + "/delivery", Map.of(), 200).body();
        assertThat(delivered.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.path("fulfilment").path("shipmentsDelivered").asInt()).isEqualTo(1);

        // 4 × 19.90 + 3.80 tax + 4.95 shipping
        JsonNode paid = post(order + "/payments", Map.of("amount", new BigDecimal("88.35"), "currency", "EUR",
                "provider", "ADYEN", "reference", "PSP-" + orderId), 201).body();
        assertThat(paid.path("refundable").decimalValue()).isEqualByComparingTo("88.35");
        post(order + "/fees", Map.of("type", "MARKETPLACE_COMMISSION", "amount", new BigDecimal("13.25"),
                "currency", "EUR"), 201);

        Http.Response overReturn = Http.post(command(order + "/returns"), Map.of("lines",
                List.of(Map.of("lineNo", 1, "quantity", 5, "reason", "DAMAGED"))));
        assertThat(overReturn.status()).isEqualTo(422);
        assertThat(overReturn.code()).isEqualTo("RETURN_EXCEEDS_DELIVERED");

        JsonNode requested = post(order + "/returns", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 4,
                "reason", "DAMAGED", "note", "outer box crushed"))), 201).body();
        String returnId = requested.path("returnId").asText();
        assertThat(requested.path("status").asText()).isEqualTo("REQUESTED");
        post(order + "/returns/" + returnId + "/receipt", Map.of("warehouseId", east), 200);

        JsonNode inspected = post(order + "/returns/" + returnId + "/inspection", Map.of("lines", List.of(
                Map.of("lineNo", 1, "quantity", 1, "condition", "AS_NEW", "disposition", "RESALE"),
                Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED", "disposition", "QUARANTINE"),
                Map.of("lineNo", 1, "quantity", 1, "condition", "DEFECTIVE", "disposition", "REFURBISH"),
                Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED", "disposition", "WRITE_OFF"))), 200).body();
        JsonNode stock = inspected.path("stock").get(0);
        assertThat(stock.path("onHand").asInt()).as("10 − 4 shipped + 3 back on hand").isEqualTo(9);
        assertThat(stock.path("quarantine").asInt()).isEqualTo(1);
        assertThat(stock.path("refurbishment").asInt()).isEqualTo(1);
        assertThat(stock.path("available").asInt()).isEqualTo(7);
        Http.Response twice = Http.post(command(order + "/returns/" + returnId + "/inspection"), Map.of("lines",
                List.of(Map.of("lineNo", 1, "quantity", 4, "condition", "AS_NEW", "disposition", "RESALE"))));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("RETURN_ALREADY_INSPECTED");

        JsonNode refund = post(order + "/refunds", Map.of("source", "RETURN", "returnId", returnId,
                "reason", "returned damaged"), 201).body();
        assertThat(refund.path("status").asText()).as("an inspected return under the limit").isEqualTo("APPROVED");
        assertThat(refund.path("automatic").asBoolean()).isTrue();
        assertThat(refund.path("amount").decimalValue()).isEqualByComparingTo("83.40");
        String refundId = refund.path("refundId").asText();
        Http.Response beyond = Http.post(command(order + "/refunds"), Map.of("source", "GOODWILL", "reason", "sorry",
                "amount", new BigDecimal("5.00"), "currency", "EUR"));
        assertThat(beyond.status()).as("only 4.95 is left to refund").isEqualTo(422);
        assertThat(beyond.code()).isEqualTo("REFUND_EXCEEDS_REFUNDABLE");
        JsonNode issued = post("/api/refunds/" + refundId + "/issue", Map.of("paymentReference", "PSP-R-1"), 200)
                .body();
        assertThat(issued.path("status").asText()).isEqualTo("ISSUED");

        String stockPath = "/api/stock/" + east + "/" + sku;
        JsonNode released = post(stockPath + "/refurbishment/release", Map.of("quantity", 1, "note", "repacked"),
                200).body();
        assertThat(released.path("available").asInt()).isEqualTo(8);
        JsonNode scrapped = post(stockPath + "/quarantine/write-off", Map.of("quantity", 1, "note", "mould"), 200)
                .body();
        assertThat(scrapped.path("onHand").asInt()).isEqualTo(8);
        assertThat(scrapped.path("available").asInt()).isEqualTo(8);
        Http.Response nothingLeft = Http.post(command(stockPath + "/refurbishment/write-off"), Map.of("quantity", 1));
        assertThat(nothingLeft.code()).isEqualTo("HELD_STOCK_INSUFFICIENT");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode board = query(order);
            assertThat(board.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(board.path("fulfilment").path("shipments").asInt()).isEqualTo(1);
            assertThat(board.path("fulfilment").path("complete").asBoolean()).isTrue();
            assertThat(board.path("fulfilment").path("onTime").asBoolean()).isTrue();
            assertThat(board.path("fulfilment").path("shippingCost").decimalValue()).isEqualByComparingTo("6.50");
            assertThat(board.path("shipments").get(0).path("shippingCost").decimalValue())
                    .isEqualByComparingTo("6.50");
            JsonNode money = board.path("money");
            assertThat(money.path("captured").decimalValue()).isEqualByComparingTo("88.35");
            assertThat(money.path("fees").decimalValue()).isEqualByComparingTo("13.25");
            assertThat(money.path("refunded").decimalValue()).isEqualByComparingTo("83.40");
            assertThat(money.path("refundEarmarked").decimalValue()).isEqualByComparingTo("0");
            assertThat(money.path("refundable").decimalValue()).isEqualByComparingTo("4.95");
            assertThat(money.path("paymentStatus").asText()).isEqualTo("PAID");
            assertThat(money.path("refundStatus").asText()).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(money.path("unitsReturned").asInt()).isEqualTo(4);
            assertThat(board.path("returns").get(0).path("status").asText()).isEqualTo("INSPECTED");
            assertThat(board.path("returns").get(0).path("warehouseId").asText()).isEqualTo(east);
            assertThat(board.path("refunds").get(0).path("status").asText()).isEqualTo("ISSUED");
            assertThat(board.path("refunds").get(0).path("paymentReference").asText()).isEqualTo("PSP-R-1");

            JsonNode returns = query("/api/returns?orderId=" + orderId);
            assertThat(returns.path("totalItems").asInt()).isEqualTo(1);
            JsonNode returned = returns.path("items").get(0);
            assertThat(returned.path("reason").asText()).isEqualTo("DAMAGED");
            assertThat(returned.path("status").asText()).isEqualTo("INSPECTED");
            assertThat(returned.path("dispositions").findValuesAsText("disposition"))
                    .containsExactly("RESALE", "QUARANTINE", "REFURBISH", "WRITE_OFF");
            assertThat(query("/api/returns?orderId=" + orderId + "&disposition=WRITE_OFF").path("totalItems")
                    .asInt()).isEqualTo(1);

            JsonNode refunds = query("/api/refunds?status=ISSUED&orderId=" + orderId);
            assertThat(refunds.path("totalItems").asInt()).isEqualTo(1);
            JsonNode row = refunds.path("items").get(0);
            assertThat(row.path("automatic").asBoolean()).isTrue();
            assertThat(row.path("source").asText()).isEqualTo("RETURN");
            assertThat(row.path("returnId").asText()).isEqualTo(returnId);
            assertThat(row.path("amount").decimalValue()).isEqualByComparingTo("83.40");
            assertThat(row.path("paymentReference").asText()).isEqualTo("PSP-R-1");

            JsonNode availability = query("/api/availability?channel=" + channel + "&sku=" + sku).path("items").get(0);
            assertThat(availability.path("availableToSell").asInt()).isEqualTo(8);
            JsonNode warehouse = availability.path("warehouses").get(0);
            assertThat(warehouse.path("onHand").asInt()).isEqualTo(8);
            assertThat(warehouse.path("quarantine").asInt()).isZero();
            assertThat(warehouse.path("refurbishment").asInt()).isZero();
        });
    }

    @Test
    void cancellingAPaidOrderRequestsItsRefund_whichFinanceApprovesAndPaysOutAfterAFailedAttempt() {
        String channel = merchant.channel(List.of(east), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 5, "10.00");
        String orderId = merchant.placeOrder(channel, line(sku, 1)).body().path("orderId").asText();
        String order = "/api/orders/" + orderId;
        post(order + "/payments", Map.of("amount", new BigDecimal("28.65"), "currency", "EUR", "provider", "ADYEN",
                "reference", "PSP-" + orderId), 201);

        JsonNode cancelled = post(order + "/cancel", Map.of("reason", "customer changed mind"), 200).body();
        JsonNode refund = cancelled.path("refund");
        assertThat(refund.path("status").asText()).as("cancellations wait for finance").isEqualTo("REQUESTED");
        assertThat(refund.path("source").asText()).isEqualTo("CANCELLATION");
        assertThat(refund.path("amount").decimalValue()).isEqualByComparingTo("28.65");
        String refunds = "/api/refunds/" + refund.path("refundId").asText();

        Http.Response early = Http.post(command(refunds + "/issue"), Map.of("paymentReference", "X"));
        assertThat(early.code()).isEqualTo("REFUND_NOT_APPROVED");
        Http.Response approved = Http.as("finance").postAs(command(refunds + "/approve"), Map.of());
        assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        Http.Response again = Http.as("finance").postAs(command(refunds + "/approve"), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("REFUND_NOT_PENDING");
        JsonNode failed = post(refunds + "/issue", Map.of("failureReason", "card expired"), 200).body();
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        JsonNode retried = post(refunds + "/retry", Map.of("paymentReference", "PSP-R-2"), 200).body();
        assertThat(retried.path("status").asText()).isEqualTo("ISSUED");
        assertThat(retried.path("attempts").asInt()).isEqualTo(2);
        Http.Response unknown = Http.post(command("/api/refunds/no-such-refund/approve"), Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("REFUND_NOT_FOUND");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode board = query(order);
            assertThat(board.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(board.path("money").path("refundStatus").asText()).isEqualTo("REFUNDED");
            JsonNode row = query(refunds);
            assertThat(row.path("status").asText()).isEqualTo("ISSUED");
            assertThat(row.path("approvedBy").asText()).as("the authenticated approver").isEqualTo("finance");
            assertThat(row.path("attempts").asInt()).isEqualTo(2);
            assertThat(row.path("lastFailure").asText()).isEqualTo("card expired");
            assertThat(query("/api/refunds?status=ISSUED&orderId=" + orderId).path("totalItems").asInt())
                    .isEqualTo(1);
        });
        Http.Response badStatus = Http.get(TestApps.queryUrl() + "/api/refunds?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.code()).isEqualTo("INVALID_PARAMETER");
        Http.Response tooBig = Http.get(TestApps.queryUrl() + "/api/refunds?size=201");
        assertThat(tooBig.status()).isEqualTo(400);
    }
}
