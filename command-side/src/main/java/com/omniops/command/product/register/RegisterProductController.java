package com.omniops.command.product.register;

import com.omniops.command.product.Products.ProductResponse;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** A product is registered under our SKU. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/products")
@Validated
@Tag(name = "Products")
public class RegisterProductController {

    private final CommandGateway commands;

    public RegisterProductController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "ProductRegisterRequest")
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

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a product (SKU code unique; unit of measure defaults to EA, tax category to "
            + "STANDARD)")
    public ProductResponse register(@Valid @RequestBody RegisterRequest request) {
        commands.sendAndWait(new RegisterProduct(request.sku(), request.name().strip(),
                orDefault(request.unitOfMeasure(), "EA"), orDefault(request.taxCategory(), "STANDARD")));
        return new ProductResponse(request.sku(), "ACTIVE");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
