package com.omniops.projections.transfers;

import com.omniops.projections.jooq.tables.records.TransfersLineRecord;
import com.omniops.projections.jooq.tables.records.TransfersTransferRecord;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.omniops.projections.jooq.Tables.TRANSFERS_LINE;
import static com.omniops.projections.jooq.Tables.TRANSFERS_TRANSFER;
import static org.jooq.impl.DSL.noCondition;

/** Reads the transfers read model. */
@Component
public class TransfersReadModel {

    private final DSLContext dsl;

    public TransfersReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public Optional<TransferView> find(String transferId) {
        return dsl.selectFrom(TRANSFERS_TRANSFER).where(TRANSFERS_TRANSFER.TRANSFER_ID.eq(transferId))
                .fetchOptional()
                .map(t -> view(t, lines(List.of(transferId)).getOrDefault(transferId, List.of())));
    }

    /** Transfers newest requested first, optionally of one status, from one warehouse and/or to one warehouse. */
    @Transactional(readOnly = true)
    public TransfersPage list(String status, String fromWarehouseId, String toWarehouseId, PageRequest page) {
        Condition filter = (status == null ? noCondition() : TRANSFERS_TRANSFER.STATUS.eq(status))
                .and(fromWarehouseId == null ? noCondition() : TRANSFERS_TRANSFER.FROM_WAREHOUSE_ID.eq(fromWarehouseId))
                .and(toWarehouseId == null ? noCondition() : TRANSFERS_TRANSFER.TO_WAREHOUSE_ID.eq(toWarehouseId));
        long total = dsl.fetchCount(TRANSFERS_TRANSFER, filter);
        List<TransfersTransferRecord> rows = dsl.selectFrom(TRANSFERS_TRANSFER)
                .where(filter)
                .orderBy(TRANSFERS_TRANSFER.REQUESTED_AT.desc(), TRANSFERS_TRANSFER.TRANSFER_ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        Map<String, List<TransferView.Line>> lines = lines(rows.stream().map(TransfersTransferRecord::getTransferId)
                .toList());
        return new TransfersPage(rows.stream().map(t -> view(t, lines.getOrDefault(t.getTransferId(), List.of())))
                .toList(), page.page(), page.size(), total, page.totalPages(total));
    }

    private Map<String, List<TransferView.Line>> lines(Collection<String> transferIds) {
        if (transferIds.isEmpty()) {
            return Map.of();
        }
        return dsl.selectFrom(TRANSFERS_LINE)
                .where(TRANSFERS_LINE.TRANSFER_ID.in(transferIds))
                .orderBy(TRANSFERS_LINE.TRANSFER_ID, TRANSFERS_LINE.LINE_NO)
                .fetchGroups(TRANSFERS_LINE.TRANSFER_ID, TransfersReadModel::line);
    }

    private static TransferView.Line line(TransfersLineRecord l) {
        return new TransferView.Line(l.getLineNo(), l.getSku(), l.getRequested(), l.getShipped(), l.getReceived(),
                l.getShipped() - l.getReceived(), Amounts.normalized(l.getUnitCost()), l.getCurrency());
    }

    private static TransferView view(TransfersTransferRecord t, List<TransferView.Line> lines) {
        return new TransferView(t.getTransferId(), t.getFromWarehouseId(), t.getToWarehouseId(), t.getStatus(),
                lines.stream().mapToInt(TransferView.Line::inTransit).sum(), t.getNote(), t.getCarrier(),
                t.getTrackingNumber(), t.getCancelReason(), instant(t.getRequestedAt()), instant(t.getShippedAt()),
                instant(t.getLastReceivedAt()), instant(t.getCancelledAt()), lines);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
