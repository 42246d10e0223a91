package com.omniops.command.transfer.ship;

import com.omniops.command.rule.Inputs;
import com.omniops.command.transfer.TransferView;
import com.omniops.command.transfer.Transfers;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.WAREHOUSE;

/** A requested transfer ships: the source warehouse issues the units; they are in transit until received. */
@AllowedRoles({WAREHOUSE, ADMIN})
@RestController
@RequestMapping("/api/transfers")
@Validated
@Tag(name = Transfers.TAG, description = Transfers.TAG_DESCRIPTION)
public class ShipTransferController {

    private final CommandGateway commands;

    public ShipTransferController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "TransferShipmentRequest")
    public record ShipmentRequest(
            @Schema(description = "Carrier that moves the units", example = "DHL Freight")
            @Size(max = 64) String carrier,
            @Schema(description = "Carrier's tracking number", example = "DHLF-7730021")
            @Size(max = 64) String trackingNumber) {
    }

    @PostMapping("/{transferId}/ship")
    @Operation(summary = "Ship every requested line: the source warehouse issues the units (only available ones, "
            + "422 INSUFFICIENT_STOCK otherwise) at its moving-average cost; they are in transit until received")
    public TransferView ship(@PathVariable @Pattern(regexp = Inputs.CODE) String transferId,
                             @Valid @RequestBody(required = false) ShipmentRequest request) {
        ShipmentRequest body = request == null ? new ShipmentRequest(null, null) : request;
        return commands.sendAndWait(new ShipTransfer(transferId, body.carrier(), body.trackingNumber()));
    }
}
