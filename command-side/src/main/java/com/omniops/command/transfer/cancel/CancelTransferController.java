package com.omniops.command.transfer.cancel;

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
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.WAREHOUSE;

/** A transfer that has not shipped is called off. */
@AllowedRoles({WAREHOUSE, PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/transfers")
@Validated
@Tag(name = Transfers.TAG, description = Transfers.TAG_DESCRIPTION)
public class CancelTransferController {

    private final CommandGateway commands;

    public CancelTransferController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "TransferCancellationRequest")
    public record CancellationRequest(
            @Schema(description = "Why the transfer is cancelled (up to 500 characters)",
                    example = "Stock needed in the south warehouse")
            @Size(max = 500) String reason) {
    }

    @PostMapping("/{transferId}/cancel")
    @Operation(summary = "Cancel a transfer that has not shipped (409 TRANSFER_STATE_CONFLICT once it has)")
    public TransferView cancel(@PathVariable @Pattern(regexp = Inputs.CODE) String transferId,
                               @Valid @RequestBody(required = false) CancellationRequest request) {
        try {
            return commands.sendAndWait(new CancelTransfer(transferId, request == null ? null : request.reason()));
        } catch (AggregateNotFoundException e) {
            throw Transfers.notFound(transferId);
        }
    }
}
