package com.omniops.command.transfer.receive;

import com.omniops.command.rule.Inputs;
import com.omniops.command.transfer.TransferLineRequest;
import com.omniops.command.transfer.Transfers;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.WAREHOUSE;

/** Shipped units arrive at the destination, all at once or in parts, at the cost they were shipped at. */
@AllowedRoles({WAREHOUSE, ADMIN})
@RestController
@RequestMapping("/api/transfers")
@Validated
@Tag(name = Transfers.TAG, description = Transfers.TAG_DESCRIPTION)
public class ReceiveTransferController {

    private final CommandGateway commands;

    public ReceiveTransferController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "TransferReceiptRequest")
    public record ReceiptRequest(
            @Schema(description = "Id of the receipt; generated when omitted", example = "TRC-2026-0042")
            @Size(max = 64) String receiptId,
            @Schema(description = "SKUs and units that arrived; everything in transit when empty or omitted")
            @Size(max = 200) List<@NotNull @Valid TransferLineRequest> lines) {
    }

    @PostMapping("/{transferId}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive shipped units at the destination (no lines = everything in transit; partial "
            + "receipts allowed, more than in transit is 422 TRANSFER_OVER_RECEIPT); they enter stock at the cost "
            + "they were shipped at")
    public TransferReceiving.Result receive(@PathVariable @Pattern(regexp = Inputs.CODE) String transferId,
                                            @Valid @RequestBody(required = false) ReceiptRequest request) {
        ReceiptRequest body = request == null ? new ReceiptRequest(null, null) : request;
        String receiptId = body.receiptId() == null || body.receiptId().isBlank()
                ? "TRC-" + UUID.randomUUID() : body.receiptId().strip();
        List<ReceiveTransfer.Line> lines = body.lines() == null ? List.of()
                : body.lines().stream().map(l -> new ReceiveTransfer.Line(l.sku(), l.quantity())).toList();
        return commands.sendAndWait(new ReceiveTransfer(transferId, receiptId, lines));
    }
}
