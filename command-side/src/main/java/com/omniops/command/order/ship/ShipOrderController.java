package com.omniops.command.order.ship;

import com.omniops.command.order.OrderAccess;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({WAREHOUSE, ADMIN})
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class ShipOrderController {

    private final CommandGateway commands;
    private final OrderAccess access;

    public ShipOrderController(CommandGateway commands, OrderAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public record ShipRequest(
            @Schema(description = "Warehouse the units leave from", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId,
            @Schema(description = "Lines and units to ship; everything reserved in the warehouse when empty or omitted")
            @Size(max = 200) List<@NotNull @Valid ShipLineRequest> lines,
            @Schema(description = "Carrier that takes the parcels", example = "DHL")
            @Size(max = 64) String carrier,
            @Schema(description = "Carrier's tracking number", example = "00340434161094042557")
            @Size(max = 128) String trackingNumber,
            @Schema(description = "The carrier's charge in the order currency; none when omitted", example = "5.40")
            @DecimalMin("0") @MoneyAmount BigDecimal shippingCost,
            @Schema(description = "ISO 8601 instant the shipment left, not in the future; now when omitted",
                    example = "2026-03-03T15:20:00Z")
            Instant shippedAt) {
    }

    public record ShipLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units of that line to ship, a whole number", example = "2")
            @NotNull @Positive Integer quantity) {
    }

    @PostMapping("/{orderId}/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ship from one warehouse: the given lines, or everything reserved there when lines is "
            + "empty; issues the stock. Recording the pick and the pack before is optional (picks, packs); the "
            + "shipment clears them. shippingCost is the carrier's charge in the order currency. The answer says "
            + "whether the order shipped complete, in how many shipments and on time against its promised ship date")
    public ShipmentResult ship(@PathVariable String orderId, @Valid @RequestBody ShipRequest request) {
        access.requireOrder(orderId);
        List<ShipOrder.Line> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new ShipOrder.Line(l.lineNo(), l.quantity())).toList();
        return commands.sendAndWait(new ShipOrder(orderId, UUID.randomUUID().toString(), request.warehouseId(),
                lines, request.carrier(), request.trackingNumber(), request.shippingCost(), request.shippedAt()));
    }
}
