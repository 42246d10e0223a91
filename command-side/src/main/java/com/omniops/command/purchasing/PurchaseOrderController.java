package com.omniops.command.purchasing;

import static com.omniops.command.rule.Inputs.amount;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.cancel.CancelPurchaseOrder;
import com.omniops.command.purchasing.close.ClosePurchaseOrder;
import com.omniops.command.purchasing.confirm.ConfirmPurchaseOrder;
import com.omniops.command.purchasing.draft.DraftPurchaseOrder;
import com.omniops.command.purchasing.receive.PurchaseOrderReceiving;
import com.omniops.command.purchasing.receive.ReceivePurchaseOrder;
import com.omniops.command.purchasing.submit.SubmitPurchaseOrder;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/purchase-orders")
@Tag(name = "Purchasing")
public class PurchaseOrderController {

    private final CommandGateway commands;
    private final SupplierDirectory suppliers;
    private final Clock clock;

    public PurchaseOrderController(CommandGateway commands, SupplierDirectory suppliers, Clock clock) {
        this.commands = commands;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    public record DraftRequest(
            @Schema(description = "Registered supplier ordered from", example = "SUP-TEXTILES")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String supplierId,
            @Schema(description = "Warehouse the goods are delivered to", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId,
            @Schema(description = "Lines ordered (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid DraftLine> lines) {
    }

    public record DraftLine(
            @Schema(description = "Our SKU", example = "HG-0001")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
            @Schema(description = "Units ordered, a whole number from 1 to 10000000", example = "96")
            @NotNull @Positive @Max(10_000_000) Integer quantity,
            @Schema(description = "Cost of one unit in the supplier's currency", example = "3.85")
            @NotNull @DecimalMin("0") @MoneyAmount BigDecimal unitCost) {
    }

    public record ConfirmRequest(
            @Schema(description = "ISO 8601 date the supplier confirmed the order", example = "2026-03-03")
            LocalDate confirmedDate,
            @Schema(description = "Confirmed quantities of some lines; lines not given are confirmed as ordered")
            @Size(max = 200) List<@NotNull @Valid ConfirmLine> lines) {
    }

    public record ConfirmLine(
            @Schema(description = "Number of the purchase order line (1 for the first)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units the supplier confirmed, a whole number, 0 or more", example = "96")
            @NotNull @PositiveOrZero Integer quantity) {
    }

    public record ReceiptRequest(
            @Schema(description = "Id of the goods receipt; generated when omitted", example = "GRN-2026-0311")
            @Size(max = 64) String receiptId,
            @Schema(description = "Lines received (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid ReceiptLine> lines) {
    }

    public record ReceiptLine(
            @Schema(description = "Number of the purchase order line (1 for the first)", example = "1")
            @NotNull @Positive Integer lineNo,
            @Schema(description = "Units received, a whole number from 1 to 10000000", example = "96")
            @NotNull @Positive @Max(10_000_000) Integer quantity) {
    }

    public record ReasonRequest(
            @Schema(description = "Why (up to 500 characters)",
                    example = "Supplier cannot deliver before the season ends")
            @Size(max = 500) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a purchase order; the expected date follows from the supplier's mean lead time")
    public PurchaseOrderView draft(@Valid @RequestBody DraftRequest request) {
        String id = "PO-" + UUID.randomUUID();
        SupplierDirectory.Terms terms = suppliers.terms(request.supplierId()).orElseThrow(() ->
                new BusinessRuleViolation(ErrorCode.SUPPLIER_NOT_FOUND,
                        "There is no supplier " + request.supplierId() + "."));
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            DraftLine line = request.lines().get(i);
            Inputs.requireMoney(terms.currency(), amount("lines[" + i + "].unitCost", line.unitCost()));
            BigDecimal lineValue = line.unitCost().multiply(BigDecimal.valueOf(line.quantity()));
            Inputs.requireComputedAmount(lineValue, "lines[" + i + "].unitCost",
                    "the line value (quantity × unit cost)");
            total = total.add(lineValue);
        }
        Inputs.requireComputedAmount(total, "lines", "the purchase order total (Σ quantity × unit cost)");
        commands.sendAndWait(new DraftPurchaseOrder(id, request.supplierId(), request.warehouseId(),
                request.lines().stream().map(l -> new DraftPurchaseOrder.Line(l.sku(), l.quantity(), l.unitCost()))
                        .toList(), PurchaseOrderOrigin.MANUAL));
        return new PurchaseOrderView(id, PurchaseOrderStatus.DRAFT, PurchaseOrder.expectedDate(terms, clock));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit a draft to the supplier; its open quantities now count as incoming stock")
    public PurchaseOrderView submit(@PathVariable String id) {
        requireOrder(id);
        return commands.sendAndWait(new SubmitPurchaseOrder(id));
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Record the supplier's confirmation: date and confirmed quantity per line (others as ordered)")
    public PurchaseOrderView confirm(@PathVariable String id, @Valid @RequestBody ConfirmRequest request) {
        requireOrder(id);
        List<ConfirmedLine> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new ConfirmedLine(l.lineNo(), l.quantity())).toList();
        return commands.sendAndWait(new ConfirmPurchaseOrder(id, request.confirmedDate(), lines));
    }

    @PostMapping("/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book a goods receipt: the units enter stock at the order's unit cost (over-receipt beyond "
            + "the tolerance is refused)")
    public PurchaseOrderReceiving.Result receive(@PathVariable String id, @Valid @RequestBody ReceiptRequest request) {
        requireOrder(id);
        String receiptId = request.receiptId() == null || request.receiptId().isBlank()
                ? "GRN-" + UUID.randomUUID() : request.receiptId().strip();
        return commands.sendAndWait(new ReceivePurchaseOrder(id, receiptId, request.lines().stream()
                .map(l -> new ReceivePurchaseOrder.Line(l.lineNo(), l.quantity())).toList()));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an order nothing was received against")
    public PurchaseOrderView cancel(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        requireOrder(id);
        return commands.sendAndWait(new CancelPurchaseOrder(id, request.reason()));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an order that received goods; what was not delivered is no longer expected")
    public PurchaseOrderView close(@PathVariable String id, @Valid @RequestBody ReasonRequest request) {
        requireOrder(id);
        return commands.sendAndWait(new ClosePurchaseOrder(id, request.reason()));
    }

    private void requireOrder(String id) {
        BusinessRuleViolation.require(suppliers.purchaseOrderExists(id), ErrorCode.PURCHASE_ORDER_NOT_FOUND,
                "There is no purchase order " + id + ".");
    }
}
