package com.omniops.command.period;

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

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.FINANCE;

/** Closing and reopening a month of the books (docs/settlements.md "Period close"). */
@RestController
@RequestMapping("/api/periods")
@Tag(name = "Accounting periods")
public class PeriodController {

    private final CommandGateway commands;
    private final PeriodChecklist checklist;
    private final Clock clock;

    public PeriodController(CommandGateway commands, PeriodChecklist checklist, Clock clock) {
        this.commands = commands;
        this.checklist = checklist;
        this.clock = clock;
    }

    public record ReopenRequest(
            @Schema(description = "Why the closed month is reopened (up to 500 characters)",
                    example = "Supplier credit note for the month arrived late")
            @NotBlank @Size(max = 500) String reason) {
    }

    public record PeriodResult(String period, String status, String by, List<String> checks) {
    }

    @AllowedRoles({FINANCE, ADMIN})
    @PostMapping("/{period}/close")
    @Operation(summary = "Close a month (yyyy-MM) when its checklist passes: earlier months with postings closed, "
            + "every settlement deposited in it reconciled, the ledger caught up with the stream, no count waiting "
            + "for approval in it, the trial balance at its end balanced. 422 PERIOD_CHECKLIST_FAILED lists what "
            + "fails; PERIOD_NOT_ENDED before the month is over; 409 PERIOD_ALREADY_CLOSED; 503 "
            + "CHECKLIST_UNAVAILABLE when the query side cannot answer")
    public PeriodResult close(@PathVariable String period) {
        YearMonth month = month(period);
        // before asking for the checklist: a month that has not ended cannot close whatever it says
        BusinessRuleViolation.require(!clock.instant().isBefore(AccountingPeriod.endOf(month)),
                ErrorCode.PERIOD_NOT_ENDED, "Period " + month + " ends at " + AccountingPeriod.endOf(month)
                        + "; a month closes after it has ended.");
        List<PeriodChecklist.Item> items = checklist.evaluate(month);
        List<Map<String, Object>> failures = items.stream().filter(item -> !item.ok())
                .map(item -> Map.<String, Object>of("name", item.name(), "detail",
                        item.detail() == null ? "" : item.detail())).toList();
        if (!failures.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.PERIOD_CHECKLIST_FAILED, "Period " + month + " cannot close: "
                    + String.join(", ", failures.stream().map(f -> f.get("name").toString()).toList()) + ".",
                    Map.of("failures", failures));
        }
        List<String> passed = items.stream().map(PeriodChecklist.Item::name).toList();
        String by = Actor.currentName();
        commands.sendAndWait(new ClosePeriod(month, passed, by));
        return new PeriodResult(month.toString(), "CLOSED", by, passed);
    }

    @AllowedRoles({ADMIN})
    @PostMapping("/{period}/reopen")
    @Operation(summary = "Reopen a closed month (ADMIN, with a reason): events dated in it post into it again. 409 "
            + "PERIOD_NOT_CLOSED")
    public PeriodResult reopen(@PathVariable String period, @Valid @RequestBody ReopenRequest request) {
        YearMonth month = month(period);
        String by = Actor.currentName();
        try {
            commands.sendAndWait(new ReopenPeriod(month, request.reason().strip(), by));
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.PERIOD_NOT_CLOSED, "Period " + month + " was never closed.");
        }
        return new PeriodResult(month.toString(), "OPEN", by, List.of());
    }

    private static YearMonth month(String period) {
        try {
            YearMonth month = YearMonth.parse(period);
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw new DateTimeParseException("out of range", period, 0);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Parameter 'period' must be a month "
                    + "yyyy-MM between 2000-01 and 2100-12, not '" + period + "'.",
                    Map.of("errors", List.of(Map.of("field", "period", "message", "must be a month yyyy-MM"))));
        }
    }

}
