package com.omniops.command.purchasing.draft;

import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.PurchaseOrderStatus;
import com.omniops.command.purchasing.PurchaseOrderView;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.rule.MoneyAmount;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.support.security.AllowedRoles;
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
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static com.omniops.command.rule.Inputs.amount;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** A purchase order is drafted for a supplier; nothing is expected until it is submitted. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@RequestMapping("/api/purchase-orders")
@Tag(name = "Purchasing")
public class DraftPurchaseOrderController {

    private final CommandGateway commands;
    private final SupplierDirectory suppliers;
    private final Clock clock;

    public DraftPurchaseOrderController(CommandGateway commands, SupplierDirectory suppliers, Clock clock) {
        this.commands = commands;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    @Schema(name = "PurchaseOrderDraftRequest")
    public record DraftRequest(
            @Schema(description = "Registered supplier ordered from", example = "SUP-TEXTILES")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String supplierId,
            @Schema(description = "Warehouse the goods are delivered to", example = "WH-NORTH")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String warehouseId,
            @Schema(description = "Lines ordered (1 to 200)")
            @NotEmpty @Size(max = 200) List<@NotNull @Valid DraftLine> lines) {
    }

    @Schema(name = "PurchaseOrderDraftLine")
    public record DraftLine(
            @Schema(description = "Our SKU", example = "HG-0001")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
            @Schema(description = "Units ordered, a whole number from 1 to 10000000", example = "96")
            @NotNull @Positive @Max(10_000_000) Integer quantity,
            @Schema(description = "Cost of one unit in the supplier's currency", example = "3.85")
            @NotNull @DecimalMin("0") @MoneyAmount BigDecimal unitCost) {
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
}
