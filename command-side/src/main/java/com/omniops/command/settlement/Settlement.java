package com.omniops.command.settlement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.settlement.importing.CompleteSettlementImport;
import com.omniops.command.settlement.importing.RecordSettlementRows;
import com.omniops.command.settlement.importing.StartSettlementImport;
import com.omniops.command.settlement.reconcile.AcceptSettlementDifference;
import com.omniops.command.settlement.reconcile.MatchSettlementRow;
import com.omniops.events.Money;
import com.omniops.events.StreamIds;
import com.omniops.events.settlement.SettlementDifferenceAccepted;
import com.omniops.events.settlement.SettlementImportStarted;
import com.omniops.events.settlement.SettlementRowMatched;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.events.settlement.SettlementSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A marketplace settlement or a payment provider's payout, imported from its report (docs/settlements.md). The import
 * is started with the report's summary and row count, records the rows chunk by chunk in file order and is complete
 * when every row is there; only then does the settlement count. The same file imported again resumes an interrupted
 * import or, once complete, changes nothing; another file with the same settlement id is refused.
 * <p>
 * The aggregate keeps what the import needs, not the rows: how many, their sum in total and per kind.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "settlementSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Settlement {

    @AggregateIdentifier
    private String aggregateId;
    private String settlementId;
    private String channelId;
    private SettlementSource source;
    private String fileSha256;
    private Money total;
    private Instant depositDate;
    private long rowCount;
    private long rowsRecorded;
    private int nextChunk;
    private BigDecimal rowsTotal = BigDecimal.ZERO;
    private Map<SettlementRowKind, BigDecimal> totalsByKind = new EnumMap<>(SettlementRowKind.class);
    private SettlementStatus status;
    private boolean exception;
    private Set<Long> matchedByHand = new HashSet<>();

    protected Settlement() {
    }

    /** Starts the import, or answers where an import of the same settlement stands. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportProgress handle(StartSettlementImport command, Clock clock) {
        if (status == null) {
            require(command.rowCount() >= 0, ErrorCode.VALIDATION_FAILED, "A row count cannot be negative.");
            apply(new SettlementImportStarted(command.settlementId(), command.channelId(), command.source(),
                    command.reportId(), command.periodStart(), command.periodEnd(), command.depositDate(),
                    command.total(), command.rowCount(), command.fileName(), command.fileSha256(),
                    command.importedBy(), clock.instant()));
        }
        return progress(command.fileSha256());
    }

    @CommandHandler
    public ImportProgress handle(RecordSettlementRows command, Clock clock) {
        require(status == SettlementStatus.IMPORTING || command.chunk() < nextChunk,
                ErrorCode.SETTLEMENT_STATE_CONFLICT, "Settlement " + settlementId + " is " + status + ".");
        if (command.chunk() < nextChunk) {
            return progress(fileSha256); // recorded before: a resumed import sends it again
        }
        require(command.chunk() == nextChunk, ErrorCode.SETTLEMENT_STATE_CONFLICT, "Settlement " + settlementId
                + " expects chunk " + nextChunk + " next, not " + command.chunk() + ".");
        require(rowsRecorded + command.rows().size() <= rowCount, ErrorCode.SETTLEMENT_STATE_CONFLICT,
                "Settlement " + settlementId + " has " + rowCount + " rows; " + rowsRecorded + " are recorded and "
                        + command.rows().size() + " more would be too many.");
        apply(new SettlementRowsRecorded(settlementId, command.chunk(), command.rows(), clock.instant()));
        return progress(fileSha256);
    }

    @CommandHandler
    public ImportProgress handle(CompleteSettlementImport command, Clock clock) {
        if (status == SettlementStatus.IMPORTED) {
            return progress(fileSha256);
        }
        require(rowsRecorded == rowCount, ErrorCode.SETTLEMENT_STATE_CONFLICT, "Settlement " + settlementId
                + " has " + rowsRecorded + " of its " + rowCount + " rows recorded.");
        apply(new SettlementImported(settlementId, channelId, source, total, rowCount, rowsTotal, totalsByKind,
                rowsTotal.compareTo(total.amount()) != 0, depositDate, clock.instant()));
        return progress(fileSha256);
    }

    @CommandHandler
    public void handle(MatchSettlementRow command, Clock clock) {
        requireImported();
        requireRow(command.rowNo());
        requireChannelsOrder(command.orderId(), command.orderChannelId());
        require(!matchedByHand.contains(command.rowNo()), ErrorCode.SETTLEMENT_STATE_CONFLICT, "Row "
                + command.rowNo() + " of settlement " + settlementId + " was matched by hand before.");
        apply(new SettlementRowMatched(settlementId, command.rowNo(), command.orderId(), command.note(),
                command.matchedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(AcceptSettlementDifference command, Clock clock) {
        requireImported();
        require(command.orderId() == null || command.rowNo() == null, ErrorCode.VALIDATION_FAILED,
                "A difference is an order's or a row's, not both.");
        if (command.rowNo() != null) {
            requireRow(command.rowNo());
        }
        if (command.orderId() != null) {
            requireChannelsOrder(command.orderId(), command.orderChannelId());
        }
        apply(new SettlementDifferenceAccepted(settlementId, command.orderId(), command.rowNo(), command.reason(),
                command.acceptedBy(), clock.instant()));
    }

    private void requireImported() {
        require(status == SettlementStatus.IMPORTED, ErrorCode.SETTLEMENT_STATE_CONFLICT, "Settlement "
                + settlementId + " is " + status + "; only an imported settlement is reconciled.");
    }

    private void requireRow(long rowNo) {
        require(rowNo >= 0 && rowNo < rowCount, ErrorCode.SETTLEMENT_ROW_NOT_FOUND, "Settlement " + settlementId
                + " has rows 0 to " + (rowCount - 1) + ", not " + rowNo + ".");
    }

    private void requireChannelsOrder(String orderId, String orderChannelId) {
        require(channelId.equals(orderChannelId), ErrorCode.VALIDATION_FAILED, "Order " + orderId + " is of "
                + "channel " + orderChannelId + "; settlement " + settlementId + " is of channel " + channelId + ".");
    }

    private ImportProgress progress(String offeredFile) {
        return new ImportProgress(settlementId, status, fileSha256.equals(offeredFile), nextChunk, rowsRecorded,
                rowCount, total, rowsTotal, exception);
    }

    @EventSourcingHandler
    void on(SettlementImportStarted event) {
        aggregateId = StreamIds.settlement(event.settlementId());
        settlementId = event.settlementId();
        channelId = event.channelId();
        source = event.source();
        fileSha256 = event.fileSha256();
        total = event.total();
        depositDate = event.depositDate();
        rowCount = event.rowCount();
        status = SettlementStatus.IMPORTING;
    }

    @EventSourcingHandler
    void on(SettlementRowsRecorded event) {
        nextChunk = event.chunk() + 1;
        rowsRecorded += event.rows().size();
        for (SettlementRow row : event.rows()) {
            rowsTotal = rowsTotal.add(row.amount());
            totalsByKind.merge(row.kind(), row.amount(), BigDecimal::add);
        }
    }

    @EventSourcingHandler
    void on(SettlementImported event) {
        status = SettlementStatus.IMPORTED;
        exception = event.exception();
    }

    @EventSourcingHandler
    void on(SettlementRowMatched event) {
        matchedByHand.add(event.rowNo());
    }
}
