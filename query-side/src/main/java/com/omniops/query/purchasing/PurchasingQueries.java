package com.omniops.query.purchasing;

/** The questions about purchasing the dashboard asks (one record per question). */
final class PurchasingQueries {

    private PurchasingQueries() {
    }

    record ListPurchaseOrders(String status, String supplierId, String warehouseId, String sku, int page, int size) {
    }

    record GetPurchaseOrder(String purchaseOrderId) {
    }

    record GetIncomingStock(String sku, String warehouseId, int page, int size) {
    }
}
