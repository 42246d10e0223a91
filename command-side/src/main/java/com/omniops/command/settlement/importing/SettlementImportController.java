package com.omniops.command.settlement.importing;

import com.omniops.command.order.OrderAccess;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.rule.Inputs;
import com.omniops.command.settlement.ImportProgress;
import com.omniops.events.settlement.SettlementSource;
import com.omniops.support.security.Actor;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;

/**
 * Imports settlement reports (multipart upload, field {@code file}). Idempotent by the report's own id rather than
 * an Idempotency-Key: the same file again answers 200 with the settlement as imported before.
 */
@AllowedRoles({FINANCE, ADMIN, CHANNEL})
@RestController
@RequestMapping("/api/settlements")
@Tag(name = "Settlements")
public class SettlementImportController {

    /** The paths that take a report upload: larger bodies than other commands, no Idempotency-Key transaction. */
    public static boolean isUpload(String requestUri) {
        return requestUri.equals("/api/settlements/marketplace-reports")
                || requestUri.equals("/api/settlements/payout-reports");
    }

    private final SettlementImporter importer;

    public SettlementImportController(SettlementImporter importer) {
        this.importer = importer;
    }

    /**
     * @param settlementId   {@code <channel>~<report id>}, the id the query side lists it under
     * @param status         IMPORTED, or IMPORTING when an earlier import of it was interrupted (import it again)
     * @param exception      the rows do not add up to the report's total: imported, and flagged for finance
     * @param alreadyImported this file was imported before; nothing changed
     */
    public record SettlementImportResponse(String settlementId, String status, long rowCount, BigDecimal total,
                                           String currency, BigDecimal rowsTotal, boolean exception,
                                           boolean alreadyImported) {
        static SettlementImportResponse of(SettlementImporter.Imported imported) {
            ImportProgress s = imported.settlement();
            return new SettlementImportResponse(s.settlementId(), s.status().name(), s.rowCount(),
                    s.total().amount(), s.total().currency(), s.rowsTotal(), s.exception(),
                    imported.alreadyImported());
        }
    }

    @PostMapping(path = "/marketplace-reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a marketplace settlement report (V2 flat file, tab-delimited: a header, the "
            + "summary line, one line per amount). All or nothing: a malformed line refuses the file with 422 "
            + "SETTLEMENT_FILE_MALFORMED naming the line, the column and the reason. 201 when imported, 200 when this "
            + "file was imported before, 409 SETTLEMENT_ID_CONFLICT when another file had its settlement id")
    public ResponseEntity<SettlementImportResponse> importMarketplaceReport(
            @Parameter(description = "The marketplace channel the report is of", example = "AMAZON")
            @RequestParam String channelId,
            @RequestPart("file") MultipartFile file) {
        return importReport(channelId, SettlementSource.MARKETPLACE_REPORT, file);
    }

    @PostMapping(path = "/payout-reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a payment provider's payout report (CSV, one line per balance transaction: id, "
            + "type, payout-id, order-reference, gross, fee, net, currency, available-on; one payout per file). Same "
            + "rules as the marketplace report")
    public ResponseEntity<SettlementImportResponse> importPayoutReport(
            @Parameter(description = "The channel whose payments the provider paid out", example = "WEB")
            @RequestParam String channelId,
            @RequestPart("file") MultipartFile file) {
        return importReport(channelId, SettlementSource.PAYOUT_REPORT, file);
    }

    private ResponseEntity<SettlementImportResponse> importReport(String channelId, SettlementSource source,
                                                                  MultipartFile file) {
        if (!channelId.matches(Inputs.CODE)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "Parameter 'channelId' "
                    + Inputs.CODE_MESSAGE + ".", Map.of("errors", List.of(Map.of("field", "channelId",
                    "message", Inputs.CODE_MESSAGE))));
        }
        OrderAccess.requireChannelAccess(channelId);
        BusinessRuleViolation.require(!file.isEmpty(), ErrorCode.SETTLEMENT_FILE_MALFORMED,
                "The uploaded file is empty.");
        String importedBy = Actor.currentName();
        SettlementImporter.Imported imported = importer.importReport(channelId, source, file::getInputStream,
                file.getOriginalFilename(), importedBy);
        return ResponseEntity.status(imported.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(SettlementImportResponse.of(imported));
    }
}
