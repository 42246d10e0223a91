package com.omniops.query.audit.state;

import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;

@AllowedRoles({AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/audit/aggregates")
@Tag(name = "Audit")
class AggregateStateController {

    private final AggregateStates states;
    private final Clock clock;

    AggregateStateController(AggregateStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @GetMapping("/{aggregateId}/state")
    @Operation(summary = "State of an aggregate as of an instant, rebuilt from its events",
            description = "Replays the aggregate's events (never a read model, never a snapshot) through the audit "
                    + "folder of its type (Product, Channel, StockItem, Order, PurchaseOrder, Supplier, Refund, "
                    + "Transfer, ReorderRule) and stops at the first event after "
                    + "'at'. basis=stored (default) cuts on the storage timestamp: what the system knew at that "
                    + "instant; basis=business cuts on the instant each event records (placedAt, shippedAt, ...).")
    @ApiResponse(responseCode = "200", description = "The state, with the version (last sequence applied)")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    @ApiResponse(responseCode = "404", description = "AGGREGATE_NOT_FOUND (unknown, or not created yet at 'at')")
    @ApiResponse(responseCode = "422", description = "UNSUPPORTED_AGGREGATE_TYPE")
    AggregateStateAt state(
            @PathVariable String aggregateId,
            @Parameter(description = "ISO-8601 instant (or date); now when absent",
                    schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String at,
            @Parameter(description = "stored (default) or business") @RequestParam(defaultValue = "stored") String basis) {
        Instant cut = RequestParams.instant("at", at);
        return states.stateAt(aggregateId, cut == null ? clock.instant() : cut, parseBasis(basis));
    }

    private static TimeBasis parseBasis(String basis) {
        try {
            return TimeBasis.valueOf(basis.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestParams.invalid("basis", "basis must be stored or business, got '" + basis + "'");
        }
    }
}
