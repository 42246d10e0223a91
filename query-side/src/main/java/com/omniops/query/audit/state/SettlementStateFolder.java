package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.Money;
import com.omniops.events.settlement.SettlementDifferenceAccepted;
import com.omniops.events.settlement.SettlementEvent;
import com.omniops.events.settlement.SettlementRowMatched;
import com.omniops.events.settlement.SettlementImportStarted;
import com.omniops.events.settlement.SettlementImported;
import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementRowsRecorded;
import com.omniops.events.settlement.SettlementSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settlement: its summary, how far its import went and what its rows add up to, in total and per kind (the rows
 * themselves are in its events and in the settlements read model).
 */
@Component
public class SettlementStateFolder
        implements AuditStateFolder<SettlementStateFolder.SettlementState, SettlementEvent> {

    @Override
    public String aggregateType() {
        return "Settlement";
    }

    @Override
    public SettlementState initial(String aggregateId) {
        return new SettlementState(aggregateId);
    }

    @Override
    public Class<SettlementEvent> events() {
        return SettlementEvent.class;
    }

    @Override
    public void fold(SettlementState s, SettlementEvent event) {
        switch (event) {
            case SettlementImportStarted e -> {
                s.status = "IMPORTING";
                s.channelId = e.channelId();
                s.source = e.source();
                s.reportId = e.reportId();
                s.periodStart = e.periodStart();
                s.periodEnd = e.periodEnd();
                s.depositDate = e.depositDate();
                s.total = e.total();
                s.rowCount = e.rowCount();
                s.fileName = e.fileName();
                s.fileSha256 = e.fileSha256();
                s.importedBy = e.importedBy();
                s.startedAt = e.startedAt();
            }
            case SettlementRowsRecorded e -> {
                s.chunksRecorded++;
                for (SettlementRow row : e.rows()) {
                    s.rowsRecorded++;
                    s.rowsTotal = s.rowsTotal.add(row.amount());
                    s.totalsByKind.merge(row.kind(), row.amount(), BigDecimal::add);
                }
            }
            case SettlementImported e -> {
                s.status = "IMPORTED";
                s.exception = e.exception();
                s.importedAt = e.importedAt();
            }
            case SettlementRowMatched e -> s.matchedByHand.put(e.rowNo(), e);
            case SettlementDifferenceAccepted e -> s.accepted.add(e);
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class SettlementState {
        private final String settlementId;
        private String status;
        private String channelId;
        private SettlementSource source;
        private String reportId;
        private Instant periodStart;
        private Instant periodEnd;
        private Instant depositDate;
        private Money total;
        private long rowCount;
        private String fileName;
        private String fileSha256;
        private String importedBy;
        private Instant startedAt;
        private int chunksRecorded;
        private long rowsRecorded;
        private BigDecimal rowsTotal = BigDecimal.ZERO;
        private final Map<SettlementRowKind, BigDecimal> totalsByKind = new TreeMap<>();
        private boolean exception;
        private Instant importedAt;
        private final Map<Long, SettlementRowMatched> matchedByHand = new TreeMap<>();
        private final List<SettlementDifferenceAccepted> accepted = new ArrayList<>();

        SettlementState(String settlementId) {
            this.settlementId = settlementId;
        }

        public String status() {
            return status;
        }
    }
}
