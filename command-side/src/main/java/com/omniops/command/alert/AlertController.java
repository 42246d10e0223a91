package com.omniops.command.alert;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.support.security.Actor;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Supplier;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.WAREHOUSE;

/**
 * What people do with an alert (docs/kpis.md "Exception alerts"): acknowledge it, or resolve it by hand with a reason.
 * The operational roles may; viewers, auditors and channel integrations may not. Alerts are listed on the query
 * side ({@code GET /api/alerts}).
 */
@AllowedRoles({SALES, WAREHOUSE, PURCHASING, FINANCE, ADMIN})
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts")
public class AlertController {

    private final CommandGateway commands;

    public AlertController(CommandGateway commands) {
        this.commands = commands;
    }

    public record AcknowledgeRequest(
            @Schema(description = "Optional note for the team (up to 500 characters)",
                    example = "3PL confirmed it leaves with today's pickup")
            @Size(max = 500) String note) {
    }

    public record ResolveRequest(
            @Schema(description = "Why the alert is closed by hand (up to 500 characters)",
                    example = "Customer agreed to collect the order in store")
            @NotBlank @Size(max = 500) String reason) {
    }

    public record AlertResult(String alertId, String status, String by) {
    }

    @PostMapping("/{alertId}/acknowledgement")
    @Operation(summary = "Acknowledge an open alert: you take it on (recorded with your name). 404 ALERT_NOT_FOUND, "
            + "409 ALERT_NOT_OPEN when it is resolved, 409 ALERT_ALREADY_ACKNOWLEDGED")
    public AlertResult acknowledge(@PathVariable String alertId, @Valid @RequestBody AcknowledgeRequest request) {
        String by = Actor.currentName();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        onAlert(alertId, () -> commands.sendAndWait(new AcknowledgeAlert(alertId, by, note)));
        return new AlertResult(alertId, "ACKNOWLEDGED", by);
    }

    @PostMapping("/{alertId}/resolution")
    @Operation(summary = "Resolve an open alert by hand, with a reason. It is raised again only when its rule stops "
            + "holding and then holds again. 404 ALERT_NOT_FOUND, 409 ALERT_NOT_OPEN")
    public AlertResult resolve(@PathVariable String alertId, @Valid @RequestBody ResolveRequest request) {
        String by = Actor.currentName();
        onAlert(alertId, () -> commands.sendAndWait(new ResolveAlert(alertId, false, by, request.reason().strip())));
        return new AlertResult(alertId, "RESOLVED", by);
    }

    private static void onAlert(String alertId, Supplier<Object> command) {
        try {
            command.get();
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.ALERT_NOT_FOUND, "There is no alert " + alertId + ".");
        }
    }

}
