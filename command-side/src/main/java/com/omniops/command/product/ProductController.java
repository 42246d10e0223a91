package com.omniops.command.product;

import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.product.discontinue.DiscontinueProduct;
import com.omniops.command.product.listing.ListProductOnChannel;
import com.omniops.command.product.register.RegisterProduct;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import io.swagger.v3.oas.annotations.Operation;
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

    public record RegisterRequest(@NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
                                  @NotBlank @Size(max = 200) String name,
                                  @Size(max = 16) String unitOfMeasure,
                                  @Size(max = 32) String taxCategory) {
    }

    public record ListingRequest(@NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE)
                                 String channelId,
                                 @NotBlank @Size(max = 64) String channelSku) {
    }

    public record DiscontinueRequest(@Size(max = 500) String reason) {
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
