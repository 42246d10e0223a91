package com.omniops.projections.refunds;

import static com.omniops.projections.jooq.Tables.REFUNDS_REFUND;
import static org.jooq.impl.DSL.noCondition;

import com.omniops.projections.jooq.tables.records.RefundsRefundRecord;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the refunds read model. */
@Component
public class RefundsReadModel {

    private final DSLContext dsl;

    public RefundsReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public Optional<RefundView> find(String refundId) {
        return dsl.selectFrom(REFUNDS_REFUND).where(REFUNDS_REFUND.REFUND_ID.eq(refundId)).fetchOptional()
                .map(RefundsReadModel::view);
    }

    /** Refunds newest requested first, optionally of one status and/or one order. */
    @Transactional(readOnly = true)
    public RefundsPage list(String status, String orderId, PageRequest page) {
        Condition filter = (status == null ? noCondition() : REFUNDS_REFUND.STATUS.eq(status))
                .and(orderId == null ? noCondition() : REFUNDS_REFUND.ORDER_ID.eq(orderId));
        long total = dsl.fetchCount(REFUNDS_REFUND, filter);
        var items = dsl.selectFrom(REFUNDS_REFUND)
                .where(filter)
                .orderBy(REFUNDS_REFUND.REQUESTED_AT.desc(), REFUNDS_REFUND.REFUND_ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(RefundsReadModel::view);
        return new RefundsPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private static RefundView view(RefundsRefundRecord r) {
        return new RefundView(r.getRefundId(), r.getOrderId(), Amounts.normalized(r.getAmount()), r.getCurrency(),
                r.getSource(), r.getReason(), r.getReturnId(), r.getStatus(), r.getAutomatic(), r.getApprovedBy(),
                r.getRejectedBy(), r.getRejectionReason(), r.getPaymentReference(), r.getAttempts(),
                r.getLastFailure(), instant(r.getRequestedAt()), instant(r.getDecidedAt()),
                instant(r.getIssuedAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
