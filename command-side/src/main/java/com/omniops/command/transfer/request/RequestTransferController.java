package com.omniops.command.transfer.request;

import com.omniops.command.rule.Inputs;
import com.omniops.command.transfer.TransferLineRequest;
import com.omniops.command.transfer.TransferStatus;
import com.omniops.command.transfer.TransferView;
import com.omniops.command.transfer.Transfers;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.WAREHOUSE;

/** A transfer is requested: which SKUs move from which warehouse to which; nothing moves until it ships. */
@AllowedRoles({WAREHOUSE, PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/transfers")
@Validated
@Tag(name = Transfers.TAG, description = Transfers.TAG_DESCRIPTION)
public class RequestTransferController {

    private final CommandGateway commands;

    public RequestTransferController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "TransferTransferRequest")
    public record TransferRequest(
            @Schema(description = "Warehouse the units leave", example = "WH-SOUTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String fromWarehouseId,
            @Schema(description = "Warehouse the units go to", example = "3PL-EAST")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String toWarehouseId,
            @Schema(description = "SKUs and units to move (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid TransferLineRequest> lines,
            @Schema(description = "Free text (up to 500 characters)", example = "refill the 3PL")
            @Size(max = 500) String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a transfer of units from one warehouse to another (one line per SKU); nothing "
            + "moves until it ships")
    public TransferView request(@Valid @RequestBody TransferRequest request) {
        String transferId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestTransfer(transferId, request.fromWarehouseId(), request.toWarehouseId(),
                request.lines().stream().map(l -> new RequestTransfer.Line(l.sku(), l.quantity())).toList(),
                request.note()));
        List<TransferView.Line> lines = new ArrayList<>();
        for (TransferLineRequest line : request.lines()) {
            lines.add(new TransferView.Line(lines.size() + 1, line.sku(), line.quantity(), 0, 0, 0));
        }
        return new TransferView(transferId, TransferStatus.REQUESTED, request.fromWarehouseId(),
                request.toWarehouseId(), lines);
    }
}
