package com.omniops.command.order.deliver;

import com.omniops.command.order.OrderAccess;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({WAREHOUSE, ADMIN})
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class DeliveryController {

    private final CommandGateway commands;
    private final OrderAccess access;

    public DeliveryController(CommandGateway commands, OrderAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public record DeliveryRequest(
            @Schema(description = "Shipment that was delivered; every undelivered shipment when omitted")
            @Size(max = 64) String shipmentId,
            @Schema(description = "ISO 8601 instant of delivery, not in the future; now when omitted",
                    example = "2026-03-05T11:00:00Z")
            Instant deliveredAt) {
    }

    @PostMapping("/{orderId}/delivery")
    @Operation(summary = "Confirm delivery of one shipment, or of all undelivered shipments when shipmentId is "
            + "omitted")
    public DeliveryResult deliver(@PathVariable String orderId, @Valid @RequestBody DeliveryRequest request) {
        access.requireOrder(orderId);
        return commands.sendAndWait(new ConfirmDelivery(orderId, request.shipmentId(), request.deliveredAt()));
    }
}
