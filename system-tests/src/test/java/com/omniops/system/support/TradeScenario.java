package com.omniops.system.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.StreamIds;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One trade through the command API that touches every aggregate type and the stock events that change what can be
 * sold: purchase order receipt and a plain receipt, reservations, a shipment, a customer return split into resale,
 * quarantine and refurbishment, a cancellation (released reservation), a transfer out and in, a cycle count and a
 * damage adjustment; plus a supplier, a reorder rule, payment, fee, picking, packing, delivery and a refund.
 * <p>
 * Hand-computed end state: north received 20 (PO), shipped 6, got 3 back (1 resale, 1 quarantine, 1 refurbishment),
 * transferred 2 out: on hand 15, reserved 0, quarantine 1, refurbishment 1, available 13. South received 10 and 2 from
 * north, counted 12, lost 1 damaged: on hand 11, available 11. The channel (buffer 1) may sell 13 + 11 − 1 = 23.
 */
public record TradeScenario(String channel, String sku, String north, String south, String supplier,
                            String purchaseOrder, String paidOrder, String cancelledOrder, String returnId,
                            String refund, String transfer) {

    public static final int AVAILABLE_TO_SELL = 23;

    public static TradeScenario run(IsolatedApps apps) {
        TestMerchant merchant = apps.merchant();
        String command = apps.commandUrl();
        String north = merchant.id("NORTH");
        String south = merchant.id("SOUTH");
        String channel = merchant.channel(List.of(north, south), "PRIORITY", false, 1);
        String sku = merchant.product(channel);

        String supplier = merchant.id("SUP");
        ok(command + "/api/suppliers", Map.of("supplierId", supplier, "name", "Audit mill",
                "leadTimeMeanDays", new BigDecimal("3"), "minimumOrderQuantity", 1, "currency", "EUR"), 201);
        String po = ok(command + "/api/purchase-orders", Map.of("supplierId", supplier, "warehouseId", north,
                "lines", List.of(Map.of("sku", sku, "quantity", 20, "unitCost", new BigDecimal("2.00")))), 201)
                .path("purchaseOrderId").asText();
        ok(command + "/api/purchase-orders/" + po + "/submit", Map.of(), 200);
        ok(command + "/api/purchase-orders/" + po + "/confirm", Map.of(), 200);
        ok(command + "/api/purchase-orders/" + po + "/receipts",
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 20))), 201);
        merchant.receive(south, sku, 10, "2.50");
        ok(command + "/api/stock/" + north + "/" + sku + "/reorder-rule", Map.of("supplierId", supplier,
                "method", "MIN_MAX", "min", 1, "max", 5), 200);

        String order = placed(merchant, channel, sku, 6);
        String orders = command + "/api/orders/" + order;
        ok(orders + "/payments", Map.of("amount", new BigDecimal("10.00"), "currency", "EUR", "provider", "ADYEN",
                "reference", "PSP-" + order), 201);
        ok(orders + "/fees", Map.of("type", "PAYMENT_PROCESSING", "amount", new BigDecimal("0.30"),
                "currency", "EUR"), 201);
        ok(orders + "/picks", Map.of("warehouseId", north), 200);
        ok(orders + "/packs", Map.of("warehouseId", north, "parcels", 1), 200);
        ok(orders + "/shipments", Map.of("warehouseId", north), 201);
        ok(orders + "/delivery", Map.of(), 200);
        String returnId = ok(orders + "/returns", Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", 3,
                "reason", "DAMAGED"))), 201).path("returnId").asText();
        ok(orders + "/returns/" + returnId + "/receipt", Map.of("warehouseId", north), 200);
        ok(orders + "/returns/" + returnId + "/inspection", Map.of("lines", List.of(
                Map.of("lineNo", 1, "quantity", 1, "condition", "AS_NEW", "disposition", "RESALE"),
                Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED", "disposition", "QUARANTINE"),
                Map.of("lineNo", 1, "quantity", 1, "condition", "DEFECTIVE", "disposition", "REFURBISH"))), 200);
        JsonNode refund = ok(orders + "/refunds", Map.of("source", "GOODWILL", "reason", "late parcel",
                "amount", new BigDecimal("5.00"), "currency", "EUR"), 201);
        String refundId = refund.path("refundId").asText();
        if (!"APPROVED".equals(refund.path("status").asText())) {
            Http.Response approved = Http.as("finance").postAs(command + "/api/refunds/" + refundId + "/approve",
                    Map.of());
            assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
        }
        ok(command + "/api/refunds/" + refundId + "/issue", Map.of("paymentReference", "PSP-R-" + refundId), 200);

        String cancelled = placed(merchant, channel, sku, 2);
        ok(command + "/api/orders/" + cancelled + "/cancel", Map.of("reason", "customer changed mind"), 200);

        String transfer = ok(command + "/api/transfers", Map.of("fromWarehouseId", north, "toWarehouseId", south,
                "lines", List.of(Map.of("sku", sku, "quantity", 2))), 201).path("transferId").asText();
        ok(command + "/api/transfers/" + transfer + "/ship", Map.of(), 200);
        ok(command + "/api/transfers/" + transfer + "/receipts", Map.of(), 201);

        ok(command + "/api/stock/" + south + "/" + sku + "/counts", Map.of("countedQuantity", 12), 201);
        ok(command + "/api/stock/" + south + "/" + sku + "/adjustments", Map.of("quantityDelta", -1,
                "reason", "DAMAGED"), 201);
        return new TradeScenario(channel, sku, north, south, supplier, po, order, cancelled, returnId, refundId,
                transfer);
    }

    /** Every stream the trade wrote to, one per aggregate type at least: aggregate type → stream id. */
    public Map<String, List<String>> streams() {
        String northItem = StreamIds.stockItem(north, sku);
        return Map.of(
                "Channel", List.of(StreamIds.channel(channel)),
                "Product", List.of(sku),
                "StockItem", List.of(northItem, StreamIds.stockItem(south, sku)),
                "Order", List.of(paidOrder, cancelledOrder),
                "PurchaseOrder", List.of(purchaseOrder),
                "Supplier", List.of(StreamIds.supplier(supplier)),
                "Refund", List.of(refund),
                "Transfer", List.of(StreamIds.transfer(transfer)),
                "ReorderRule", List.of(StreamIds.reorderRule(northItem)));
    }

    private static String placed(TestMerchant merchant, String channel, String sku, int quantity) {
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, quantity));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        return placed.body().path("orderId").asText();
    }

    private static JsonNode ok(String url, Object body, int status) {
        Http.Response response = Http.post(url, body);
        assertThat(response.status()).as(url + " → " + response.raw().body()).isEqualTo(status);
        return response.body();
    }
}
