package com.omniops.command.refund.request;

import com.omniops.command.order.OrderAccess;
import com.omniops.command.order.refund.RecordRefundEarmark;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.events.refund.RefundSource;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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
import java.util.List;
import java.util.UUID;

import static com.omniops.command.rule.Inputs.amount;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.SALES;

/** A refund is requested on its order (and listed with the order's endpoints); finance decides on /api/refunds. */
@AllowedRoles({SALES, FINANCE, ADMIN})
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class RequestRefundController {

    private final CommandGateway commands;
    private final OrderAccess access;

    public RequestRefundController(CommandGateway commands, OrderAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public record RefundRequest(
            @Schema(description = "What the refund is for; RETURN needs returnId", example = "GOODWILL")
            @NotNull RefundSource source,
            @Schema(description = "Why the money is refunded (up to 500 characters)",
                    example = "Parcel arrived three days late")
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "Amount to refund, more than 0; with lines, at most their value", example = "5.00")
            @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount,
            @Schema(description = "ISO 4217 currency of amount; required with amount", example = "EUR")
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @Schema(description = "Order lines refunded, valued at what was paid for them")
            @Size(max = 200) List<@NotNull @Valid RefundLineRequest> lines,
            @Schema(description = "The return (RMA) refunded; only with source RETURN")
            @Size(max = 64) String returnId) {
    }

    public record RefundLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units of that line refunded, a whole number", example = "1")
            @NotNull @Positive @Max(100_000) Integer quantity) {
    }

    @PostMapping("/{orderId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a refund: an amount, lines (valued at what was paid for them) or, for source "
            + "RETURN, the return's units. The order earmarks the amount first and refuses anything above "
            + "captured − refunded − earmarked. A refund of an inspected return within the auto-approval limit is "
            + "approved at once; others wait for finance")
    public RefundResult requestRefund(@PathVariable String orderId, @Valid @RequestBody RefundRequest request) {
        access.requireOrder(orderId);
        if (request.amount() != null) {
            BusinessRuleViolation.require(request.currency() != null, ErrorCode.VALIDATION_FAILED,
                    "An amount needs its currency.");
            Inputs.requireMoney(request.currency(), amount("amount", request.amount()));
        }
        List<RecordRefundEarmark.Line> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new RecordRefundEarmark.Line(l.lineNo(), l.quantity())).toList();
        return commands.sendAndWait(new RequestRefund(orderId, UUID.randomUUID().toString(), request.amount(),
                request.currency(), lines, request.reason().strip(), request.source(), request.returnId()));
    }
}
