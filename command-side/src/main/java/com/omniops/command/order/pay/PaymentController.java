package com.omniops.command.order.pay;

import com.omniops.command.order.OrderAccess;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.events.Money;
import com.omniops.events.order.FeeType;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.UUID;

import static com.omniops.command.rule.Inputs.amount;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;

/** The money a provider captured for an order, and the fees charged against it. */
@AllowedRoles({FINANCE, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class PaymentController {

    private final CommandGateway commands;
    private final OrderAccess access;

    public PaymentController(CommandGateway commands, OrderAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public record PaymentRequest(
            @Schema(description = "Captured amount, more than 0, in the order currency", example = "52.70")
            @NotNull @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount,
            @Schema(description = "ISO 4217 currency code of the amounts", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Payment provider that captured the money", example = "ADYEN")
            @NotBlank @Size(max = 64) String provider,
            @Schema(description = "The provider's reference of the capture", example = "PSP-8835120047")
            @NotBlank @Size(max = 128) String reference) {
    }

    public record FeeRequest(
            @Schema(description = "Kind of fee", example = "PAYMENT_PROCESSING")
            @NotNull FeeType type,
            @Schema(description = "Fee amount, more than 0", example = "0.99")
            @NotNull @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount,
            @Schema(description = "ISO 4217 currency code of the amounts", example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "What the fee is for (up to 500 characters)", example = "card fee 1.4% + 0.25")
            @Size(max = 500) String description) {
    }

    @PostMapping("/{orderId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment the provider captured; the order's captured total may not exceed its "
            + "total. Answers the order's balance (refundable = captured − refunded − earmarked)")
    public OrderBalance capturePayment(@PathVariable String orderId, @Valid @RequestBody PaymentRequest request) {
        access.requireOrderOfCallersChannel(orderId);
        Inputs.requireMoney(request.currency(), amount("amount", request.amount()));
        return commands.sendAndWait(new CapturePayment(orderId, UUID.randomUUID().toString(),
                new Money(request.amount(), request.currency()), request.provider().strip(),
                request.reference().strip()));
    }

    @PostMapping("/{orderId}/fees")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a marketplace, payment or fulfilment fee charged against the order")
    public OrderBalance recordFee(@PathVariable String orderId, @Valid @RequestBody FeeRequest request) {
        access.requireOrderOfCallersChannel(orderId);
        Inputs.requireMoney(request.currency(), amount("amount", request.amount()));
        return commands.sendAndWait(new ChargeFee(orderId, UUID.randomUUID().toString(), request.type(),
                new Money(request.amount(), request.currency()), request.description()));
    }
}
