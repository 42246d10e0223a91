package com.omniops.command.product.discontinue;

import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.product.Products.ProductResponse;
import com.omniops.command.product.Products;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** A product is discontinued: no new orders may reference it. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/products")
@Validated
@Tag(name = "Products")
public class DiscontinueProductController {

    private final CommandGateway commands;
    private final ProductCatalog catalog;

    public DiscontinueProductController(CommandGateway commands, ProductCatalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    @Schema(name = "ProductDiscontinueRequest")
    public record DiscontinueRequest(
            @Schema(description = "Why the product is discontinued (up to 500 characters)",
                    example = "Supplier stopped making it")
            @Size(max = 500) String reason) {
    }

    @PostMapping("/{sku}/discontinue")
    @Operation(summary = "Discontinue a product: no new orders may reference it")
    public ProductResponse discontinue(@PathVariable String sku, @Valid @RequestBody DiscontinueRequest request) {
        Products.requireExisting(catalog, sku);
        commands.sendAndWait(new DiscontinueProduct(sku, request.reason()));
        return new ProductResponse(sku, "DISCONTINUED");
    }
}
