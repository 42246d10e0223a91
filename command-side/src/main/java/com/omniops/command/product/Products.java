package com.omniops.command.product;

import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the product endpoints share: the check that a product exists and the answer they give. */
public final class Products {

    private Products() {
    }

    public static void requireExisting(ProductCatalog catalog, String sku) {
        BusinessRuleViolation.require(catalog.exists(sku), ErrorCode.PRODUCT_NOT_FOUND,
                "There is no product with SKU " + sku + ".");
    }

    /** The answer of every product endpoint: the product and the status it now has. */
    @Schema(name = "ProductProductResponse")
    public record ProductResponse(String sku, String status) {
    }
}
