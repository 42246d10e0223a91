package com.omniops.command.refund;

import com.omniops.command.rule.Inputs;
import com.omniops.support.security.Actor;
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

/** Finance's side of refunds (requests are made on the order: POST /api/orders/{orderId}/refunds). */
@RestController
@RequestMapping("/api/refunds/{refundId}")
@Tag(name = "Refunds")
public class RefundController {

    private final CommandGateway commands;

    public RefundController(CommandGateway commands) {
        this.commands = commands;
    }

    /** The approver is the authenticated user; the body may be empty. */
    public record ApprovalRequest(
            @Schema(description = "Note of the approver (up to 500 characters)",
                    example = "Checked against the inspection report")
            @Size(max = 500) String note) {
    }

    public record RejectionRequest(
            @Schema(description = "Why the refund is rejected (up to 500 characters)",
                    example = "Goods returned after the 30-day window")
            @NotBlank @Size(max = 500) String reason) {
    }

    /** Exactly one of the two: the provider's reference of the payout, or why it failed. */
    public record PayoutRequest(
            @Schema(description = "The payment provider's reference of the payout; give this or failureReason",
                    example = "RF-8835120047")
            @Size(max = 128) String paymentReference,
            @Schema(description = "Why the payout failed; give this or paymentReference")
            @Size(max = 500) String failureReason) {
    }

    @PostMapping("/approve")
    @Operation(summary = "A finance user approves a REQUESTED refund (409 REFUND_NOT_PENDING otherwise)")
    public RefundResult approve(@PathVariable @Pattern(regexp = Inputs.CODE) String refundId,
                                @Valid @RequestBody ApprovalRequest request) {
        return commands.sendAndWait(new ApproveRefund(refundId, actor()));
    }

    @PostMapping("/reject")
    @Operation(summary = "Refuse a refund that was not paid out; the order's earmark is released")
    public RefundResult reject(@PathVariable @Pattern(regexp = Inputs.CODE) String refundId,
                               @Valid @RequestBody RejectionRequest request) {
        return commands.sendAndWait(new RejectRefund(refundId, request.reason().strip(), actor()));
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

    /** Who decided: the authenticated user, never a name the caller types in. */
    private static String actor() {
        return Actor.current().map(Actor::name).orElseThrow(() ->
                new IllegalStateException("a refund decision without an authenticated user"));
    }
}
