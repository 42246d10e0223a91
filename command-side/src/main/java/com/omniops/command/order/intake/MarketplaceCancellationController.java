package com.omniops.command.order.intake;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.SALES;

import com.omniops.command.lookup.OrderReferences;
import com.omniops.command.order.OrderAccess;
import com.omniops.command.order.cancel.CancelOrder;
import com.omniops.command.order.cancel.CancellationResult;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A cancellation the marketplace originates (the buyer cancelled there), addressed as the connector knows the order:
 * by the marketplace's order id. The connector sends the marketplace's event id as {@code Idempotency-Key}, so a
 * notification delivered twice cancels once and the second delivery is answered the first answer.
 */
@AllowedRoles({SALES, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/channels/{channelId}/orders/{marketplaceOrderId}/cancellation")
@Tag(name = "Orders")
public class MarketplaceCancellationController {

    private final CommandGateway commands;
    private final OrderReferences references;

    public MarketplaceCancellationController(CommandGateway commands, OrderReferences references) {
        this.commands = commands;
        this.references = references;
    }

    public record MarketplaceCancellation(
            @Schema(description = "Why, as the marketplace reports it (up to 500 characters)",
                    example = "Buyer cancelled on the marketplace")
            @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping
    @Operation(summary = "Cancel an order the marketplace reports cancelled, by the marketplace's order id",
            description = "As POST /api/orders/{orderId}/cancel for the order placed under this channel reference "
                    + "(an unshipped order's reservations are released; captured money gets a CANCELLATION refund "
                    + "request). Send the marketplace's event id as Idempotency-Key: a repeated notification replays "
                    + "the first answer. 404 ORDER_NOT_FOUND for a reference never placed on the channel; 409 "
                    + "ORDER_ALREADY_SHIPPED / ORDER_ALREADY_CANCELLED as for the order.")
    public CancellationResult cancel(@PathVariable String channelId, @PathVariable String marketplaceOrderId,
                                     @Valid @RequestBody MarketplaceCancellation request) {
        OrderAccess.requireChannelAccess(channelId);
        String orderId = references.find(channelId, marketplaceOrderId.strip()).orElseThrow(() ->
                new BusinessRuleViolation(ErrorCode.ORDER_NOT_FOUND, "No order was placed on channel " + channelId
                        + " under the marketplace order id " + marketplaceOrderId + "."));
        return commands.sendAndWait(new CancelOrder(orderId, request.reason().strip(),
                UUID.randomUUID().toString()));
    }
}
