package com.omniops.command.refund.issue;

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

/** The outcome of paying an approved refund out, and of retrying a failed payout. */
@AllowedRoles({FINANCE, ADMIN})
@RestController
@RequestMapping("/api/refunds/{refundId}")
@Tag(name = "Refunds")
public class IssueRefundController {

    private final CommandGateway commands;

    public IssueRefundController(CommandGateway commands) {
        this.commands = commands;
    }

    /** Exactly one of the two: the provider's reference of the payout, or why it failed. */
    public record PayoutRequest(
            @Schema(description = "The payment provider's reference of the payout; give this or failureReason",
                    example = "RF-8835120047")
            @Size(max = 128) String paymentReference,
            @Schema(description = "Why the payout failed; give this or paymentReference")
            @Size(max = 500) String failureReason) {
    }

    @PostMapping("/issue")
    @Operation(summary = "Record the payout of an APPROVED refund: paymentReference when the provider paid it "
            + "(the order's earmark becomes refunded money), or failureReason when it failed (status FAILED, retry "
            + "later)")
    public RefundResult issue(@PathVariable @Pattern(regexp = Inputs.CODE) String refundId,
                              @Valid @RequestBody PayoutRequest request) {
        return commands.sendAndWait(new IssueRefund(refundId, blankToNull(request.paymentReference()),
                blankToNull(request.failureReason()), false));
    }

    @PostMapping("/retry")
    @Operation(summary = "Retry the payout of a FAILED refund, with its outcome (same body as issue)")
    public RefundResult retry(@PathVariable @Pattern(regexp = Inputs.CODE) String refundId,
                              @Valid @RequestBody PayoutRequest request) {
        return commands.sendAndWait(new IssueRefund(refundId, blankToNull(request.paymentReference()),
                blankToNull(request.failureReason()), true));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
