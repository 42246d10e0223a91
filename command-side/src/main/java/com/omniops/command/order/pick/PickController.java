package com.omniops.command.order.pick;

import com.omniops.command.order.OrderAccess;
import com.omniops.command.order.fulfilment.FulfilmentStage;
import com.omniops.command.rule.Inputs;
import com.omniops.support.security.Actor;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.WAREHOUSE;

/** The optional warehouse steps before a shipment: pick, then pack. */
@AllowedRoles({WAREHOUSE, ADMIN})
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class PickController {

    private final CommandGateway commands;
    private final OrderAccess access;

    public PickController(CommandGateway commands, OrderAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public record PickRequest(
            @Schema(description = "Warehouse whose reserved units were picked", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId) {
    }

    public record PackRequest(
            @Schema(description = "Warehouse whose picked units were packed", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId,
            @Schema(description = "Number of parcels, 1 to 1000; 1 when omitted", example = "1")
            @Positive @Max(1000) Integer parcels) {
    }

    public record StageResponse(String orderId, String warehouseId, FulfilmentStage stage) {
    }

    @PostMapping("/{orderId}/picks")
    @Operation(summary = "Record that everything reserved for the order in a warehouse was picked (optional step "
            + "before packing and shipping; repeating it changes nothing)")
    public StageResponse pick(@PathVariable String orderId, @Valid @RequestBody PickRequest request) {
        access.requireOrder(orderId);
        String picker = Actor.current().map(Actor::name).orElse("unknown");
        FulfilmentStage stage = commands.sendAndWait(new PickOrder(orderId, request.warehouseId(), picker));
        return new StageResponse(orderId, request.warehouseId(), stage);
    }

    @PostMapping("/{orderId}/packs")
    @Operation(summary = "Record that the picked units of a warehouse were packed into parcels (after picking)")
    public StageResponse pack(@PathVariable String orderId, @Valid @RequestBody PackRequest request) {
        access.requireOrder(orderId);
        FulfilmentStage stage = commands.sendAndWait(new PackOrder(orderId, request.warehouseId(),
                request.parcels() == null ? 1 : request.parcels()));
        return new StageResponse(orderId, request.warehouseId(), stage);
    }
}
