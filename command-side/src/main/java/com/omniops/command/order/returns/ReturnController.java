package com.omniops.command.order.returns;

import com.omniops.command.order.OrderAccess;
import com.omniops.command.rule.Inputs;
import com.omniops.events.order.ItemCondition;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.support.security.AllowedRoles;
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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.WAREHOUSE;

/** A return's way back: authorised (RMA), received at a warehouse, inspected unit by unit. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
public class ReturnController {

    private final CommandGateway commands;
    private final OrderAccess access;

    public ReturnController(CommandGateway commands, OrderAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public record ReturnRequest(
            @Schema(description = "Lines returned (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid ReturnLineRequest> lines) {
    }

    public record ReturnLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units returned, a whole number, at most delivered minus already returned",
                    example = "1")
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "Why the customer returns them", example = "SIZE_OR_FIT")
            @NotNull ReturnReason reason,
            @Schema(description = "Free text about the return (up to 500 characters)",
                    example = "Too small, customer wants the next size")
            @Size(max = 500) String note) {
    }

    public record ReturnReceiptRequest(
            @Schema(description = "Warehouse the returned units arrived at; it must carry the returned SKUs",
                    example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId) {
    }

    public record InspectionRequest(
            @Schema(description = "Inspection results; a returned line may be split over several entries")
            @NotEmpty @Size(max = 400) List<@NotNull @Valid InspectionLineRequest> lines) {
    }

    public record InspectionLineRequest(
            @Schema(description = "Number of the order line (1 for the first line placed)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units of that line with this result, a whole number", example = "1")
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "Condition the units were found in", example = "AS_NEW")
            @NotNull ItemCondition condition,
            @Schema(description = "Where the units go: RESALE to available stock, QUARANTINE or REFURBISH held "
                    + "apart, WRITE_OFF never into stock",
                    example = "RESALE")
            @NotNull ReturnDisposition disposition) {
    }

    @AllowedRoles({SALES, CHANNEL, ADMIN})
    @PostMapping("/{orderId}/returns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Authorise a return (RMA): per line a quantity (at most delivered − already returned) and a "
            + "reason code")
    public ReturnResult requestReturn(@PathVariable String orderId, @Valid @RequestBody ReturnRequest request) {
        access.requireOrderOfCallersChannel(orderId);
        return commands.sendAndWait(new RequestReturn(orderId, "RMA-" + UUID.randomUUID(), request.lines().stream()
                .map(l -> new RequestReturn.Line(l.lineNo(), l.quantity(), l.reason(), l.note())).toList()));
    }

    @AllowedRoles({WAREHOUSE, ADMIN})
    @PostMapping("/{orderId}/returns/{returnId}/receipt")
    @Operation(summary = "The returned units arrived at a warehouse (which must carry the returned SKUs); they wait "
            + "for inspection outside the stock counts")
    public ReturnResult receiveReturn(@PathVariable String orderId, @PathVariable String returnId,
                                      @Valid @RequestBody ReturnReceiptRequest request) {
        access.requireOrder(orderId);
        return commands.sendAndWait(new ReceiveReturn(orderId, returnId, request.warehouseId()));
    }

    @AllowedRoles({WAREHOUSE, ADMIN})
    @PostMapping("/{orderId}/returns/{returnId}/inspection")
    @Operation(summary = "Inspect every returned unit: condition and disposition per line (a line may be split). "
            + "RESALE goes back to available stock at its moving-average cost, QUARANTINE and REFURBISH are held "
            + "apart on hand, WRITE_OFF never enters stock and writes its value off — in the same transaction")
    public InspectionResult inspectReturn(@PathVariable String orderId, @PathVariable String returnId,
                                          @Valid @RequestBody InspectionRequest request) {
        access.requireOrder(orderId);
        return commands.sendAndWait(new InspectReturn(orderId, returnId, request.lines().stream()
                .map(l -> new InspectReturn.Entry(l.lineNo(), l.quantity(), l.condition(), l.disposition()))
                .toList()));
    }
}
