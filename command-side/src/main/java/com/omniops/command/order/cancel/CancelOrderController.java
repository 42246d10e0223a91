package com.omniops.command.order.cancel;

import com.omniops.command.order.OrderAccess;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.SALES;

@AllowedRoles({SALES, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class CancelOrderController {

    private final CommandGateway commands;
    private final OrderAccess access;

    public CancelOrderController(CommandGateway commands, OrderAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public record CancelRequest(
            @Schema(description = "Why the order is cancelled (up to 500 characters)",
                    example = "Customer cancelled before shipping")
            @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order that has not shipped; its reservations are released and, when money was "
            + "captured, a CANCELLATION refund of the refundable balance is requested (awaiting approval)")
    public CancellationResult cancel(@PathVariable String orderId, @Valid @RequestBody CancelRequest request) {
        access.requireOrderOfCallersChannel(orderId);
        return commands.sendAndWait(new CancelOrder(orderId, request.reason().strip(), UUID.randomUUID().toString()));
    }
}
