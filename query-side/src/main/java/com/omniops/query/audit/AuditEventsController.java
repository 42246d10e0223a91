package com.omniops.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.Csv;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static com.omniops.query.web.RequestParams.instant;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;

/**
 * The stored stream for auditors: the full history of one aggregate, a search over all events, and an export of a
 * search streamed as NDJSON or CSV. Reads the event table directly (not the query bus): these are questions about the
 * store itself, and an export must stream.
 */
@AllowedRoles({AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Event history, search, export, state as of an instant, explanations, tamper evidence")
class AuditEventsController {

    private final StoredEvents events;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    AuditEventsController(StoredEvents events, PlatformTransactionManager transactions, ObjectMapper json) {
        this.events = events;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    @GetMapping("/aggregates/{aggregateId}/events")
    @Operation(summary = "Full history of one aggregate, in sequence order",
            description = "Every event with its global index, sequence number, type, storage timestamp, payload as "
                    + "stored and all metadata keys (correlationId, traceId; with authentication also user, roles, "
                    + "causationId, requestId).")
    @ApiResponse(responseCode = "200", description = "A page of events")
    @ApiResponse(responseCode = "404", description = "AGGREGATE_NOT_FOUND")
    AuditEventPage history(
            @PathVariable String aggregateId,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        AuditEventPage result = events.history(aggregateId, RequestParams.page(page, size));
        if (result.totalItems() == 0) {
            throw new ApiException(QueryErrorCode.AGGREGATE_NOT_FOUND, "No events are stored for aggregate '"
                    + aggregateId + "'.");
        }
        return result;
    }

    @GetMapping("/events")
    @Operation(summary = "Search stored events (stream order)",
            description = "All filters are optional and combine with AND. type: event class name, simple "
                    + "(OrderShipped) or qualified; user: the metadata key 'user'; from (inclusive) / to (exclusive): "
                    + "ISO-8601 instants or dates bounding the storage timestamp.")
    @ApiResponse(responseCode = "200", description = "A page of events")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    AuditEventPage search(
            @Parameter(description = "Event type, e.g. OrderShipped") @RequestParam(required = false) String type,
            @Parameter(description = "Aggregate id") @RequestParam(required = false) String aggregateId,
            @Parameter(description = "Metadata 'user'") @RequestParam(required = false) String user,
            @Parameter(description = "Stored at or after (ISO-8601)",
                    schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String from,
            @Parameter(description = "Stored before (ISO-8601)",
                    schema = @Schema(type = "string", format = "date-time")) @RequestParam(required = false) String to,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        return events.search(filter(type, aggregateId, user, from, to), RequestParams.page(page, size));
    }

    @GetMapping("/events/export")
    @Operation(summary = "Export a search, streamed",
            description = "Same filters as the search, every match in stream order, streamed through a database "
                    + "cursor. ndjson: one event object per line (as in the search). csv: globalIndex, timestamp, "
                    + "aggregateType, aggregateId, sequence, type, payloadRevision, user, correlationId, payload, "
                    + "metadata (JSON columns quoted).")
    @ApiResponse(responseCode = "200", description = "application/x-ndjson or text/csv")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER")
    void export(
            @Parameter(description = "ndjson (default) or csv") @RequestParam(defaultValue = "ndjson") String format,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String user,
            @Parameter(schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        EventFilter filter = filter(type, aggregateId, user, from, to);
        boolean csv = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "ndjson" -> false;
            default -> throw RequestParams.invalid("format", "format must be ndjson or csv, got '" + format + "'");
        };
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"omniops-events." + (csv ? "csv" : "ndjson") + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        if (csv) {
            out.write("globalIndex,timestamp,aggregateType,aggregateId,sequence,type,payloadRevision,user,"
                    + "correlationId,payload,metadata\n");
        }
        readOnly.executeWithoutResult(tx -> events.stream(filter, stored -> {
            try {
                AuditEvent e = AuditEvent.of(stored);
                if (csv) {
                    out.write(Csv.row(e.globalIndex(), e.timestamp(), e.aggregateType(), e.aggregateId(),
                            e.sequence(), e.type(), e.payloadRevision(), e.metadataText("user"),
                            e.metadataText("correlationId"), e.payload().toString(), e.metadata().toString()));
                } else {
                    out.write(json.writeValueAsString(e));
                    out.write('\n');
                }
            } catch (IOException ioe) {
                throw new UncheckedIOException(ioe);
            }
        }));
        out.flush();
    }

    private static EventFilter filter(String type, String aggregateId, String user, String from, String to) {
        return new EventFilter(RequestParams.optional(type), RequestParams.optional(aggregateId),
                RequestParams.optional(user),
                instant("from", from),
                instant("to", to));
    }
}
