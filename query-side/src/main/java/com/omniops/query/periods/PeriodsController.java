package com.omniops.query.periods;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.VIEWER;

import com.omniops.projections.periods.PeriodsReadModel;
import com.omniops.projections.periods.PeriodsReadModel.Period;
import com.omniops.projections.periods.PeriodsReadModel.Periods;
import com.omniops.query.periods.PeriodChecklistService.Checklist;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@AllowedRoles({FINANCE, AUDITOR, ADMIN, VIEWER})
@RestController
@RequestMapping("/api/periods")
@Tag(name = "Accounting periods", description = "Months of the books: closed, reopened, days to close, the close "
        + "checklist (docs/settlements.md \"Period close\")")
class PeriodsController {

    private final PeriodsReadModel periods;
    private final PeriodChecklistService checklist;

    PeriodsController(PeriodsReadModel periods, PeriodChecklistService checklist) {
        this.periods = periods;
        this.checklist = checklist;
    }

    @GetMapping
    @Operation(summary = "Months ever closed, newest first, with days to close and its trend",
            description = "Days to close = the instant the month was (last) closed − the month's end (the first "
                    + "instant after it, UTC), in days with one decimal. Over the closed months: median, top quartile "
                    + "(25th percentile, interpolated) and mean; benchmark: published cross-industry surveys, median "
                    + "6.4 days and top quartile 4.8 days or less.")
    Periods list() {
        return periods.list();
    }

    @GetMapping("/{period}")
    @Operation(summary = "One month (yyyy-MM) as the books know it; 404 PERIOD_NOT_FOUND when it was never closed")
    @ApiResponse(responseCode = "404", description = "PERIOD_NOT_FOUND")
    Period period(@PathVariable String period) {
        String month = RequestParams.month("period", period).toString();
        return periods.find(month).orElseThrow(() -> new ApiException(QueryErrorCode.PERIOD_NOT_FOUND,
                "Period " + month + " was never closed."));
    }

    @GetMapping("/{period}/checklist")
    @Operation(summary = "The month's close checklist: what passes and what is left",
            description = "EARLIER_PERIODS_CLOSED (every earlier month with postings closed), SETTLEMENTS_RECONCILED "
                    + "(every settlement deposited in the month imported and reconciled), LEDGER_CAUGHT_UP (the "
                    + "ledger and the settlements read model have applied every event, no dead letters), "
                    + "NO_PENDING_COUNTS (no count of the month waits for approval), TRIAL_BALANCE_BALANCED (at the "
                    + "month's end). Closing (command side) refuses unless every item passes.")
    Checklist checklist(@PathVariable String period) {
        return checklist.evaluate(RequestParams.month("period", period));
    }
}
