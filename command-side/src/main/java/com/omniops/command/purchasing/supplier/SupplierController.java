package com.omniops.command.purchasing.supplier;

import com.omniops.command.rule.Inputs;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/suppliers")
@Tag(name = "Purchasing")
public class SupplierController {

    private final CommandGateway commands;

    public SupplierController(CommandGateway commands) {
        this.commands = commands;
    }

    public record RegisterRequest(
            @Schema(description = "Code of the supplier, unique", example = "SUP-TEXTILES")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String supplierId,
            @Schema(description = "Supplier name (up to 200 characters)", example = "Textiles supplier")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Mean days from order to receipt, more than 0, at most 365", example = "12")
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("365") BigDecimal leadTimeMeanDays,
            @Schema(description = "Standard deviation of the lead time in days, 0 to 365; 0 when omitted",
                    example = "3")
            @DecimalMin("0") @DecimalMax("365") BigDecimal leadTimeStdDevDays,
            @Schema(description = "Fewest units per purchase order line, 1 to 1000000; 1 when omitted", example = "24")
            @Positive @Max(1_000_000) Integer minimumOrderQuantity,
            @Schema(description = "ISO 4217 currency the supplier invoices in", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
    }

    public record SupplierResponse(String supplierId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a supplier with its lead time (mean and standard deviation in days, deviation "
            + "defaults to 0), minimum order quantity per line (default 1) and currency")
    public SupplierResponse register(@Valid @RequestBody RegisterRequest request) {
        Inputs.requireMoney(request.currency());
        commands.sendAndWait(new RegisterSupplier(request.supplierId(), request.name().strip(),
                request.leadTimeMeanDays(),
                request.leadTimeStdDevDays() == null ? BigDecimal.ZERO : request.leadTimeStdDevDays(),
                request.minimumOrderQuantity() == null ? 1 : request.minimumOrderQuantity(), request.currency()));
        return new SupplierResponse(request.supplierId());
    }
}
