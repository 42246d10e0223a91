package com.omniops.events.product;

/** Events of the Product aggregate (id = SKU code). */
public sealed interface ProductEvent permits ProductRegistered, ProductListedOnChannel, ProductDiscontinued {
    String sku();
}
