package com.omniops.command.replenishment.rule;

import com.omniops.command.rule.Inputs;
import com.omniops.events.StreamIds;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.PURCHASING;

/** How a stock item is replenished: its rule, set (or replaced) as a whole. */
@AllowedRoles({PURCHASING, ADMIN})
@RestController
@Validated
@Tag(name = "Purchasing")
public class SetReorderRuleController {

    private final CommandGateway commands;

    public SetReorderRuleController(CommandGateway commands) {
        this.commands = commands;
    }

    @Schema(name = "ReorderRuleRuleRequest")
    public record RuleRequest(
            @Schema(description = "Supplier the SKU is reordered from", example = "SUP-TEXTILES")
            @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String supplierId,
            @Schema(description = "MIN_MAX reorders up to max when available falls to min; SERVICE_LEVEL derives "
                    + "the reorder point from demand, lead time and serviceLevel",
                    example = "SERVICE_LEVEL")
            @NotNull ReorderMethod method,
            @Schema(description = "MIN_MAX: reorder when the projected quantity reaches this many units (0 <= min < "
                    + "max), at most 10000000",
                    example = "20")
            @Min(0) @Max(10_000_000) int min,
            @Schema(description = "MIN_MAX: order up to this many units; SERVICE_LEVEL: the cycle stock in units; "
                    + "at most 10000000",
                    example = "120")
            @Min(0) @Max(10_000_000) int max,
            @Schema(description = "Order quantities are rounded up to this pack size, 1 to 1000000; 1 when omitted",
                    example = "12")
            @Min(1) @Max(1_000_000) Integer multiple,
            @Schema(description = "Target probability of not running out during the lead time, 0.5 to 0.9999; "
                    + "required for SERVICE_LEVEL",
                    example = "0.95")
            @DecimalMin("0.5") @DecimalMax("0.9999") BigDecimal serviceLevel,
            @Schema(description = "Whether purchase orders the rule drafts are submitted to the supplier at once; "
                    + "false when omitted",
                    example = "false")
            Boolean autoSubmit) {
    }

    @PostMapping("/api/stock/{warehouseId}/{sku}/reorder-rule")
    @Operation(summary = "Set how a stock item is replenished: MIN_MAX (order up to max, rounded up to the multiple, "
            + "when the projected quantity reaches min) or SERVICE_LEVEL (reorder point from demand, lead time and "
            + "service level); proposals are drafts unless autoSubmit")
    public ReorderRuleSet set(@PathVariable @Pattern(regexp = Inputs.CODE) String warehouseId,
                              @PathVariable @Pattern(regexp = Inputs.CODE) String sku,
                              @Valid @RequestBody RuleRequest request) {
        return commands.sendAndWait(new SetReorderRule(StreamIds.reorderRule(StreamIds.stockItem(warehouseId, sku)), sku,
                warehouseId,
                request.supplierId(), request.method(), request.min(), request.max(),
                request.multiple() == null ? 1 : request.multiple(), request.serviceLevel(),
                Boolean.TRUE.equals(request.autoSubmit())));
    }
}
