package com.omniops.command.order.place;

import com.omniops.command.order.OrderAccess;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.events.order.OrderAmounts;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.omniops.command.rule.Inputs.amount;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.SALES;

@AllowedRoles({SALES, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class PlaceOrderController {

    private final CommandGateway commands;
    private final Clock clock;

    public PlaceOrderController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public record PlaceRequest(
            @Schema(description = "Registered sales channel the order came from", example = "WEB")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String channelId,
            @Schema(description = "The channel's own order number; placing the same reference again answers the "
                    + "existing order",
                    example = "WEB-100231")
            @NotBlank @Size(max = 128) String channelOrderRef,
            @Schema(description = "The channel's id of the customer", example = "CUST-1042")
            @NotBlank @Size(max = 128) String customerId,
            @Schema(description = "ISO 4217 currency of every amount of the order; must be the channel's currency",
                    example = "EUR")
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Order lines (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid LineRequest> lines,
            @Schema(description = "What the customer pays for shipping, in the order currency (no tax on it); 0 "
                    + "when omitted",
                    example = "4.90")
            @DecimalMin("0") @MoneyAmount BigDecimal shippingCharge,
            @Schema(description = "ISO 8601 date the order was promised to ship by; tomorrow (UTC) when omitted",
                    example = "2026-03-04")
            LocalDate promisedShipDate) {
    }

    /** Exactly one of {@code sku} (ours) and {@code channelSku} (the channel's own SKU of its listing). */
    public record LineRequest(
            @Schema(description = "Our SKU; give either sku or channelSku", example = "HG-0001")
            @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
            @Schema(description = "The channel's own SKU of one of its listings; give either sku or channelSku")
            @Size(min = 1, max = 64) String channelSku,
            @Schema(description = "Units ordered, a whole number from 1 to 100000", example = "2")
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "Price of one unit in the order currency, gross or net of tax as the channel's "
                    + "prices are",
                    example = "24.90")
            @NotNull @DecimalMin("0") @MoneyAmount BigDecimal unitPrice,
            @Schema(description = "Discount on the whole line in the order currency, at most the line value; 0 when "
                    + "omitted",
                    example = "2.00")
            @DecimalMin("0") @MoneyAmount BigDecimal discount,
            @Schema(description = "Tax of the whole line in the order currency: contained in the price on a channel "
                    + "whose prices include tax, added to it on a net channel; 0 when omitted",
                    example = "7.97")
            @DecimalMin("0") @MoneyAmount BigDecimal taxAmount) {
    }

    @PostMapping
    @Operation(summary = "Place an order: stock is reserved at once following the channel's rules; 201 with the "
            + "allocations, or 200 with the existing order if the channel reference was already placed. The currency "
            + "must be the channel's (422 CURRENCY_MISMATCH). A line names our sku or the channel's channelSku "
            + "(exactly one). Its taxAmount is contained in the price on a channel whose prices include tax, and "
            + "added to it on a net channel; the order total = Σ line gross + shippingCharge (no tax on shipping)")
    public ResponseEntity<PlacementResult> place(@Valid @RequestBody PlaceRequest request) {
        OrderAccess.requireChannelAccess(request.channelId());
        PlacementResult result = commands.sendAndWait(command(request));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    /**
     * The command for a valid request (bean validation passed): the checks of amounts and lines that need more than
     * one field, then the order's id, generated here at the edge. Shared with the batch intake of channel connectors
     * ({@code OrderIntakeController}).
     */
    public PlaceOrder command(PlaceRequest request) {
        BigDecimal shipping = zeroIfNull(request.shippingCharge());
        Inputs.requireMoney(request.currency(), amount("shippingCharge", shipping));
        List<PlaceOrder.Line> lines = new ArrayList<>();
        BigDecimal total = shipping;
        for (int i = 0; i < request.lines().size(); i++) {
            LineRequest l = request.lines().get(i);
            if ((l.sku() == null) == (l.channelSku() == null)) {
                throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Line " + (i + 1) + " must name "
                        + "exactly one of sku (ours) and channelSku (the channel's listing).",
                        Map.of("field", "lines[" + i + "]"));
            }
            Inputs.requireMoney(request.currency(), amount("lines[" + i + "].unitPrice", l.unitPrice()),
                    amount("lines[" + i + "].discount", l.discount()),
                    amount("lines[" + i + "].taxAmount", l.taxAmount()));
            BigDecimal lineValue = OrderAmounts.priceBeforeDiscount(l.quantity(), l.unitPrice());
            Inputs.requireComputedAmount(lineValue, "lines[" + i + "].unitPrice",
                    "the line value (quantity × unit price)");
            BusinessRuleViolation.require(zeroIfNull(l.discount()).compareTo(lineValue) <= 0,
                    ErrorCode.VALIDATION_FAILED, "A line discount cannot exceed the line's price.");
            // An upper bound of the order total whether the channel's prices are gross or net (a gross line contains
            // its tax, a net line's gross adds it); the total itself is computed once the channel is known.
            total = total.add(OrderAmounts.line(i + 1, l.quantity(), l.unitPrice(), l.discount(), l.taxAmount(),
                    false).gross());
            lines.add(new PlaceOrder.Line(l.sku(), l.channelSku() == null ? null : l.channelSku().strip(),
                    l.quantity(), l.unitPrice(), zeroIfNull(l.discount()), zeroIfNull(l.taxAmount())));
        }
        Inputs.requireComputedAmount(total, "lines",
                "the order total (line values − discounts + tax, plus the shipping charge)");
        LocalDate promised = request.promisedShipDate() != null ? request.promisedShipDate()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        return new PlaceOrder(UUID.randomUUID().toString(), request.channelId(),
                request.channelOrderRef().strip(), request.customerId().strip(), request.currency(), lines, shipping,
                promised);
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
