package com.omniops.command.refund.reject;

import com.omniops.command.refund.FinanceUser;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.rule.Inputs;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

@AllowedRoles({FINANCE, ADMIN})
@RestController
@RequestMapping("/api/refunds/{refundId}")
@Tag(name = "Refunds")
public class RejectRefundController {

    private final CommandGateway commands;

    public RejectRefundController(CommandGateway commands) {
        this.commands = commands;
    }

    public record RejectionRequest(
            @Schema(description = "Why the refund is rejected (up to 500 characters)",
                    example = "Goods returned after the 30-day window")
            @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/reject")
    @Operation(summary = "Refuse a refund that was not paid out; the order's earmark is released")
    public RefundResult reject(@PathVariable @Pattern(regexp = Inputs.CODE) String refundId,
                               @Valid @RequestBody RejectionRequest request) {
        return commands.sendAndWait(new RejectRefund(refundId, request.reason().strip(), FinanceUser.current()));
    }
}
