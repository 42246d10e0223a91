package com.omniops.query.alerts;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

import com.omniops.events.alert.AlertType;
import com.omniops.projections.alerts.AlertsReadModel;
import com.omniops.projections.alerts.AlertsReadModel.AlertPage;
import com.omniops.projections.alerts.AlertsReadModel.AlertView;
import com.omniops.projections.alerts.AlertsReadModel.StatusFilter;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts", description = "Exception alerts: delayed fulfilment, oversell risk, unusual return rate; open, "
        + "acknowledged or resolved, and their live stream (docs/kpis.md \"Exception alerts\")")
class AlertsController {

    private final AlertsReadModel alerts;
    private final AlertStream stream;
    private final CommandSideForward forward;

    AlertsController(AlertsReadModel alerts, AlertStream stream, CommandSideForward forward) {
        this.alerts = alerts;
        this.stream = stream;
        this.forward = forward;
    }

    @GetMapping
    @Operation(summary = "Alerts, newest raised first, with how many are unresolved per type",
            description = "One alert per type and subject, in its latest occurrence. status UNRESOLVED (default) = "
                    + "OPEN or ACKNOWLEDGED. latestChange: the stream position this answer is at least as new as; "
                    + "start the live stream after it (GET /api/alerts/stream?after=…) to miss nothing.")
    @ApiResponse(responseCode = "200", description = "A page of alerts")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    AlertPage list(
            @Parameter(description = "UNRESOLVED (default), OPEN, ACKNOWLEDGED, RESOLVED or ANY")
            @RequestParam(required = false) String status,
            @Parameter(description = "DELAYED_FULFILMENT, OVERSELL_RISK, UNUSUAL_RETURN_RATE, "
                    + "SUPPLIER_LEAD_TIME_DRIFT or MARGIN_EROSION (default: every type)")
            @RequestParam(required = false) String type,
            @Parameter(description = "Channel") @RequestParam(required = false) String channel,
            @Parameter(description = "SKU") @RequestParam(required = false) String sku,
            @Parameter(description = "Order id") @RequestParam(required = false) String orderId,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        StatusFilter which = status == null ? StatusFilter.UNRESOLVED
                : RequestParams.enumValue("status", status, StatusFilter.class);
        String alertType = type == null ? null : RequestParams.enumValue("type", type, AlertType.class).name();
        return alerts.list(which, alertType, RequestParams.optional(channel), RequestParams.optional(sku),
                RequestParams.optional(orderId), RequestParams.page(page, size));
    }

    @GetMapping("/{alertId}")
    @Operation(summary = "One alert (its id: type~subject, e.g. DELAYED_FULFILMENT~<order id>)",
            description = "Its events are the stream alert~<alertId> (GET /api/audit/…); an order's alert names the "
                    + "order, whose events say why it is late.")
    @ApiResponse(responseCode = "404", description = "ALERT_NOT_FOUND")
    AlertView one(@PathVariable String alertId) {
        return alerts.find(alertId).orElseThrow(() -> new ApiException(QueryErrorCode.ALERT_NOT_FOUND,
                "There is no alert " + alertId + "."));
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live stream (Server-Sent Events) of changed alerts and moved figures",
            description = "Events: ready (once), alert (an alert that changed, as in the list; its id is its "
                    + "changeNo), figures (the KPI or availability read models moved on: fetch them again). Starts "
                    + "after `after` or the Last-Event-ID a reconnecting browser sends; without either, after the "
                    + "latest change (only what changes from now on).")
    SseEmitter stream(
            @Parameter(description = "Send the changes after this changeNo (e.g. a list's latestChange)")
            @RequestParam(required = false) Long after,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        long start;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                start = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("Last-Event-ID", "Last-Event-ID must be a changeNo (a number)");
            }
        } else {
            start = after != null ? after : alerts.latestChange();
        }
        if (start < 0) {
            throw ApiException.invalidParameter("after", "after must be 0 or more");
        }
        return stream.subscribe(start);
    }

    @AllowedRoles({SALES, WAREHOUSE, PURCHASING, FINANCE, ADMIN})
    @PostMapping(value = "/{alertId}/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Acknowledge an alert: forwarded to the command side (POST /api/alerts/{alertId}/"
            + "acknowledgement there) with your credentials; its answer is returned as it is",
            description = "Body {\"note\": optional}. For the dashboard, which is served here.")
    ResponseEntity<String> acknowledge(@PathVariable String alertId, @RequestBody(required = false) String body,
                                       HttpServletRequest request) {
        return forward.postAlertCommand(alertId, "acknowledgement", body, request);
    }

    @AllowedRoles({SALES, WAREHOUSE, PURCHASING, FINANCE, ADMIN})
    @PostMapping(value = "/{alertId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resolve an alert by hand: forwarded to the command side (POST /api/alerts/{alertId}/"
            + "resolution there) with your credentials; its answer is returned as it is",
            description = "Body {\"reason\": required}. For the dashboard, which is served here.")
    ResponseEntity<String> resolve(@PathVariable String alertId, @RequestBody(required = false) String body,
                                   HttpServletRequest request) {
        return forward.postAlertCommand(alertId, "resolution", body, request);
    }
}
