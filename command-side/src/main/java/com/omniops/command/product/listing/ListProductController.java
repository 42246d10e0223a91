package com.omniops.command.product.listing;

import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.product.Products.ProductResponse;
import com.omniops.command.product.Products;
import com.omniops.command.rule.Inputs;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** A product is listed on a channel under the channel's own SKU. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/products")
@Validated
@Tag(name = "Products")
public class ListProductController {

    private final CommandGateway commands;
    private final ProductCatalog catalog;

    public ListProductController(CommandGateway commands, ProductCatalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    @Schema(name = "ProductListingRequest")
    public record ListingRequest(
            @Schema(description = "Channel that lists the product", example = "WEB")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String channelId,
            @Schema(description = "The channel's own SKU of the listing (its orders may name it)",
                    example = "WEB-TT-LINEN")
            @NotBlank @Size(max = 64) String channelSku) {
    }

    @PostMapping("/{sku}/listings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List a product on a channel under the channel's SKU (unique per channel)")
    public ProductResponse list(@PathVariable String sku, @Valid @RequestBody ListingRequest request) {
        Products.requireExisting(catalog, sku);
        commands.sendAndWait(new ListProductOnChannel(sku, request.channelId(), request.channelSku().strip()));
        return new ProductResponse(sku, "ACTIVE");
    }
}
