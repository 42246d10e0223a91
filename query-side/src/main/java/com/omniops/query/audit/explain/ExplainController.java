package com.omniops.query.audit.explain;

import com.omniops.query.web.ApiException;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;

@AllowedRoles({AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/audit/explain")
@Tag(name = "Audit")
class ExplainController {

    private final AvailabilityExplainer explainer;

    ExplainController(AvailabilityExplainer explainer) {
        this.explainer = explainer;
    }

    @GetMapping("/availability")
    @Operation(summary = "Explain an available-to-sell figure from the events behind it",
            description = "The channel's warehouses in priority order; for each, every stock event of the SKU with "
                    + "the running on-hand, reserved, quarantine and refurbishment arithmetic; the safety buffer; and "
                    + "the resulting availableToSell = max(0, Σ max(0, onHand − reserved − quarantine − "
                    + "refurbishment) − safetyBuffer), the read model's own definition. Computed from the event "
                    + "stream, not from the read model; once the read model has caught up it equals "
                    + "GET /api/availability for the same channel and SKU.")
    @ApiResponse(responseCode = "200", description = "The explanation")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_CHANNEL")
    AvailabilityExplanation availability(
            @Parameter(description = "Channel id", required = true) @RequestParam(required = false) String channel,
            @Parameter(description = "Internal SKU", required = true) @RequestParam(required = false) String sku) {
        String channelId = RequestParams.optional(channel);
        String skuCode = RequestParams.optional(sku);
        if (channelId == null || skuCode == null) {
            throw ApiException.invalidParameter("channel and sku are both required");
        }
        return explainer.explain(channelId, skuCode);
    }
}
