package com.omniops.command.product;

import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.product.discontinue.DiscontinueProduct;
import com.omniops.command.product.listing.ListProductOnChannel;
import com.omniops.command.product.register.RegisterProduct;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
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

@RestController
@RequestMapping("/api/products")
@Validated
@Tag(name = "Products")
public class ProductController {

    private final CommandGateway commands;
    private final ProductCatalog catalog;

    public ProductController(CommandGateway commands, ProductCatalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    public record RegisterRequest(
            @Schema(description = "Our SKU code, unique", example = "HG-0001")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
            @Schema(description = "Product name (up to 200 characters)", example = "Linen tea towel, natural")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Unit the stock is counted in; EA when omitted", example = "EA")
            @Size(max = 16) String unitOfMeasure,
            @Schema(description = "Tax category; STANDARD when omitted", example = "STANDARD")
            @Size(max = 32) String taxCategory) {
    }

    public record ListingRequest(
            @Schema(description = "Channel that lists the product", example = "WEB")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String channelId,
            @Schema(description = "The channel's own SKU of the listing (its orders may name it)",
                    example = "WEB-TT-LINEN")
            @NotBlank @Size(max = 64) String channelSku) {
    }

    public record DiscontinueRequest(
            @Schema(description = "Why the product is discontinued (up to 500 characters)",
                    example = "Supplier stopped making it")
            @Size(max = 500) String reason) {
    }

    public record ProductResponse(String sku, String status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a product (SKU code unique; unit of measure defaults to EA, tax category to "
            + "STANDARD)")
    public ProductResponse register(@Valid @RequestBody RegisterRequest request) {
        commands.sendAndWait(new RegisterProduct(request.sku(), request.name().strip(),
                orDefault(request.unitOfMeasure(), "EA"), orDefault(request.taxCategory(), "STANDARD")));
        return new ProductResponse(request.sku(), "ACTIVE");
    }

    @PostMapping("/{sku}/listings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List a product on a channel under the channel's SKU (unique per channel)")
    public ProductResponse list(@PathVariable String sku, @Valid @RequestBody ListingRequest request) {
        requireProduct(sku);
        commands.sendAndWait(new ListProductOnChannel(sku, request.channelId(), request.channelSku().strip()));
        return new ProductResponse(sku, "ACTIVE");
    }

    @PostMapping("/{sku}/discontinue")
    @Operation(summary = "Discontinue a product: no new orders may reference it")
    public ProductResponse discontinue(@PathVariable String sku, @Valid @RequestBody DiscontinueRequest request) {
        requireProduct(sku);
        commands.sendAndWait(new DiscontinueProduct(sku, request.reason()));
        return new ProductResponse(sku, "DISCONTINUED");
    }

    private void requireProduct(String sku) {
        BusinessRuleViolation.require(catalog.exists(sku), ErrorCode.PRODUCT_NOT_FOUND,
                "There is no product with SKU " + sku + ".");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
