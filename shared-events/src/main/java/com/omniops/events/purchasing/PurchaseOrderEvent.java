package com.omniops.events.purchasing;

public sealed interface PurchaseOrderEvent permits PurchaseOrderDrafted, PurchaseOrderSubmitted,
        PurchaseOrderConfirmed, PurchaseOrderGoodsReceived, PurchaseOrderReceived, PurchaseOrderClosed,
        PurchaseOrderCancelled {
    String purchaseOrderId();
}
