package com.omniops.query.replenishment;

import com.omniops.projections.replenishment.RecommendationPage;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.Queries;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

@AllowedRoles({VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
@RestController
@Tag(name = "Replenishment", description = "Reorder recommendations with the numbers behind them")
class RecommendationsController {

    private final Queries queries;

    RecommendationsController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/replenishment/recommendations")
    @Operation(summary = "Per stock item with a reorder rule: position (available + incoming) and what the "
            + "rule orders now",
            description = "MIN_MAX: when position ≤ min, order max − position rounded up to the multiple, at least "
                    + "the supplier minimum. SERVICE_LEVEL: daily shipped demand over the last demandDays days "
                    + "(default 56) is forecast (SES, or Croston-SBA when intermittent); z = Φ⁻¹(service level); "
                    + "SS = z·sqrt(L̄·σd² + d̄²·σL²); ROP = d̄·L̄ + SS; when position ≤ ⌈ROP⌉ order up to ⌈ROP⌉ + the "
                    + "rule's max (cycle stock). The same formulas drive the replenishment policy's proposals.")
    RecommendationPage recommendations(@RequestParam(required = false) String warehouse,
                                       @RequestParam(required = false) String sku,
                                       @RequestParam(defaultValue = "56") int demandDays,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        if (demandDays < 7 || demandDays > 366) {
            throw RequestParams.invalid("demandDays", "demandDays must be between 7 and 366, got " + demandDays);
        }
        PageRequest paging = RequestParams.page(page, size);
        return queries.ask(new GetRecommendations(RequestParams.optional(warehouse), RequestParams.optional(sku),
                demandDays,
                paging.page(),
                paging.size()), ResponseTypes.instanceOf(RecommendationPage.class));
    }
}
