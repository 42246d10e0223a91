package com.omniops.system.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Sets up channels, products and stock through the command API, with ids unique to the calling test. */
public final class TestMerchant {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final String prefix = "T" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    private final Supplier<String> commandUrl;

    /** A merchant on the shared test apps ({@link TestApps}). */
    public TestMerchant() {
        this(TestApps::commandUrl);
    }

    /** A merchant on another command side, e.g. {@link IsolatedApps}. */
    public TestMerchant(Supplier<String> commandUrl) {
        this.commandUrl = commandUrl;
    }

    public String id(String name) {
        return prefix + "-" + name;
    }

    /** A channel selling in EUR at net prices (tax added), which is how {@link #line} and the tests' totals read. */
    public String channel(List<String> warehouses, String strategy, boolean backorders, int safetyBuffer) {
        return channel(warehouses, strategy, backorders, safetyBuffer, "EUR", false);
    }

    public String channel(List<String> warehouses, String strategy, boolean backorders, int safetyBuffer,
                          String currency, boolean pricesIncludeTax) {
        String channelId = id("CH" + SEQUENCE.incrementAndGet());
        Map<String, Object> request = new LinkedHashMap<>(Map.of(
                "channelId", channelId, "name", "Test channel", "type", "MARKETPLACE", "warehouseIds", warehouses,
                "allocationStrategy", strategy, "backordersAllowed", backorders, "safetyBuffer", safetyBuffer));
        request.put("currency", currency);
        request.put("pricesIncludeTax", pricesIncludeTax);
        Http.Response response = Http.post(commandUrl.get() + "/api/channels", request);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return channelId;
    }

    public String product(String... channelIds) {
        String sku = id("SKU" + SEQUENCE.incrementAndGet());
        Http.Response response = Http.post(commandUrl.get() + "/api/products",
                Map.of("sku", sku, "name", "Test product " + sku));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        for (String channelId : channelIds) {
            Http.Response listed = Http.post(commandUrl.get() + "/api/products/" + sku + "/listings",
                    Map.of("channelId", channelId, "channelSku", channelId + "-" + sku));
            assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
        }
        return sku;
    }

    public void receive(String warehouse, String sku, int quantity, String unitCost) {
        Http.Response response = Http.post(commandUrl.get() + "/api/stock/" + warehouse + "/" + sku
                + "/receipts", Map.of("quantity", quantity, "unitCost", new BigDecimal(unitCost), "currency", "EUR"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    public static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity, "unitPrice", new BigDecimal("19.90"),
                "taxAmount", new BigDecimal("3.80"));
    }

    @SafeVarargs
    public static Map<String, Object> order(String channelId, String ref, Map<String, Object>... lines) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("channelId", channelId);
        order.put("channelOrderRef", ref);
        order.put("customerId", "CUST-1");
        order.put("currency", "EUR");
        order.put("lines", new ArrayList<>(List.of(lines)));
        order.put("shippingCharge", new BigDecimal("4.95"));
        return order;
    }

    @SafeVarargs
    public final Http.Response placeOrder(String channelId, Map<String, Object>... lines) {
        return Http.post(commandUrl.get() + "/api/orders", order(channelId, id("REF-" + UUID.randomUUID()),
                lines));
    }
}
