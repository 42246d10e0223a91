package com.omniops.command.settlement.reconcile;

import com.omniops.command.lookup.OrderReferences;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.support.security.Actor;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.FINANCE;

/** Finance's hand in reconciliation: match a row to an order, accept a difference with a reason (both audited). */
@AllowedRoles({FINANCE, ADMIN})
@RestController
@RequestMapping("/api/settlements")
@Tag(name = "Settlements")
public class SettlementReconciliationController {

    private final CommandGateway commands;
    private final OrderReferences orders;

    public SettlementReconciliationController(CommandGateway commands, OrderReferences orders) {
        this.commands = commands;
        this.orders = orders;
    }

    public record MatchRequest(
            @Schema(description = "The order the row belongs to (of the settlement's channel)",
                    example = "6f1c2d7e-0000-4000-8000-000000000001")
            @NotBlank @Size(max = 100) String orderId,
            @Schema(description = "Why (up to 500 characters)", example = "Marketplace mistyped the order id")
            @Size(max = 500) String note) {
    }

    public record AcceptRequest(
            @Schema(description = "The order whose difference is accepted; omit for a row's or the total's",
                    example = "6f1c2d7e-0000-4000-8000-000000000001")
            @Size(max = 100) String orderId,
            @Schema(description = "The row whose difference is accepted (its rowNo in the settlement's rows)",
                    example = "7")
            @PositiveOrZero Long rowNo,
            @Schema(description = "Why the difference is accepted (up to 500 characters)",
                    example = "Commission rate changed on 1 March")
            @NotBlank @Size(max = 500) String reason) {
    }

    /** What was recorded, and by whom. */
    public record Reconciled(String settlementId, String orderId, Long rowNo, String by) {
    }

    @PostMapping("/{settlementId}/rows/{rowNo}/match")
    @Operation(summary = "Match a settlement row to an order by hand (a row of an unknown order or of none). 404 "
            + "SETTLEMENT_NOT_FOUND, SETTLEMENT_ROW_NOT_FOUND, ORDER_NOT_FOUND; 409 SETTLEMENT_STATE_CONFLICT when "
            + "the settlement is still importing or the row was matched by hand before")
    public Reconciled match(@PathVariable String settlementId, @PathVariable long rowNo,
                            @Valid @RequestBody MatchRequest request) {
        String by = Actor.currentName();
        String orderId = request.orderId().strip();
        send(settlementId, new MatchSettlementRow(settlementId, rowNo, orderId, channelOf(orderId),
                request.note() == null ? null : request.note().strip(), by));
        return new Reconciled(settlementId, orderId, rowNo, by);
    }

    @PostMapping("/{settlementId}/differences/accept")
    @Operation(summary = "Accept a difference with a reason: an order's (orderId), a row's (rowNo) or the "
            + "settlement's total against its rows (neither)")
    public Reconciled accept(@PathVariable String settlementId, @Valid @RequestBody AcceptRequest request) {
        String by = Actor.currentName();
        String orderId = request.orderId() == null || request.orderId().isBlank() ? null : request.orderId().strip();
        send(settlementId, new AcceptSettlementDifference(settlementId, orderId,
                orderId == null ? null : channelOf(orderId), request.rowNo(), request.reason().strip(), by));
        return new Reconciled(settlementId, orderId, request.rowNo(), by);
    }

    private String channelOf(String orderId) {
        String channel = orders.channelOf(orderId);
        BusinessRuleViolation.require(channel != null, ErrorCode.ORDER_NOT_FOUND, "There is no order " + orderId
                + ".");
        return channel;
    }

    private void send(String settlementId, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.SETTLEMENT_NOT_FOUND, "There is no settlement "
                    + settlementId + ".", Map.of("settlementId", settlementId));
        }
    }

}
