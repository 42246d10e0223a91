package com.omniops.command.transfer;

import com.omniops.command.rule.Inputs;
import com.omniops.command.transfer.cancel.CancelTransfer;
import com.omniops.command.transfer.receive.ReceiveTransfer;
import com.omniops.command.transfer.receive.TransferReceiving;
import com.omniops.command.transfer.request.RequestTransfer;
import com.omniops.command.transfer.ship.ShipTransfer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/transfers")
@Validated
@Tag(name = "Transfers", description = "Stock moved between warehouses: requested, shipped (in transit), received")
public class TransferController {

    private final CommandGateway commands;

    public TransferController(CommandGateway commands) {
        this.commands = commands;
    }

    public record TransferRequest(
            @Schema(description = "Warehouse the units leave", example = "WH-SOUTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String fromWarehouseId,
            @Schema(description = "Warehouse the units go to", example = "3PL-EAST")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String toWarehouseId,
            @Schema(description = "SKUs and units to move (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid Line> lines,
            @Schema(description = "Free text (up to 500 characters)", example = "refill the 3PL")
            @Size(max = 500) String note) {
    }

    public record Line(
            @Schema(description = "Our SKU", example = "HG-0001")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
            @Schema(description = "Units, a whole number from 1 to 1000000", example = "24")
            @NotNull @Positive @Max(1_000_000) Integer quantity) {
    }

    public record ShipmentRequest(
            @Schema(description = "Carrier that moves the units", example = "DHL Freight")
            @Size(max = 64) String carrier,
            @Schema(description = "Carrier's tracking number", example = "DHLF-7730021")
            @Size(max = 64) String trackingNumber) {
    }

    public record ReceiptRequest(
            @Schema(description = "Id of the receipt; generated when omitted", example = "TRC-2026-0042")
            @Size(max = 64) String receiptId,
            @Schema(description = "SKUs and units that arrived; everything in transit when empty or omitted")
            @Size(max = 200) List<@NotNull @Valid Line> lines) {
    }

    public record CancellationRequest(
            @Schema(description = "Why the transfer is cancelled (up to 500 characters)",
                    example = "Stock needed in the south warehouse")
            @Size(max = 500) String reason) {
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
        for (Line line : request.lines()) {
            lines.add(new TransferView.Line(lines.size() + 1, line.sku(), line.quantity(), 0, 0, 0));
        }
        return new TransferView(transferId, TransferStatus.REQUESTED, request.fromWarehouseId(),
                request.toWarehouseId(), lines);
    }

    @PostMapping("/{transferId}/ship")
    @Operation(summary = "Ship every requested line: the source warehouse issues the units (only available ones, "
            + "422 INSUFFICIENT_STOCK otherwise) at its moving-average cost; they are in transit until received")
    public TransferView ship(@PathVariable @Pattern(regexp = Inputs.CODE) String transferId,
                             @Valid @RequestBody(required = false) ShipmentRequest request) {
        ShipmentRequest body = request == null ? new ShipmentRequest(null, null) : request;
        return commands.sendAndWait(new ShipTransfer(transferId, body.carrier(), body.trackingNumber()));
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
