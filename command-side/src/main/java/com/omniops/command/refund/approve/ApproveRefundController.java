package com.omniops.command.refund.approve;

import com.omniops.command.refund.FinanceUser;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.rule.Inputs;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.FINANCE;

/** Finance's side of refunds (requests are made on the order: POST /api/orders/{orderId}/refunds). */
@AllowedRoles({FINANCE, ADMIN})
@RestController
@RequestMapping("/api/refunds/{refundId}")
@Tag(name = "Refunds")
public class ApproveRefundController {

    private final CommandGateway commands;

    public ApproveRefundController(CommandGateway commands) {
        this.commands = commands;
    }

    /** The approver is the authenticated user; the body may be empty. */
    public record ApprovalRequest(
            @Schema(description = "Note of the approver (up to 500 characters)",
                    example = "Checked against the inspection report")
            @Size(max = 500) String note) {
    }

    @PostMapping("/approve")
    @Operation(summary = "A finance user approves a REQUESTED refund (409 REFUND_NOT_PENDING otherwise)")
    public RefundResult approve(@PathVariable @Pattern(regexp = Inputs.CODE) String refundId,
                                @Valid @RequestBody ApprovalRequest request) {
        return commands.sendAndWait(new ApproveRefund(refundId, FinanceUser.current()));
    }
}
