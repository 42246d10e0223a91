package com.omniops.projections.returns;

import static com.omniops.projections.jooq.Tables.RETURNS_DISPOSITION;
import static com.omniops.projections.jooq.Tables.RETURNS_LINE;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import com.omniops.projections.support.PageRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the returns read model. */
@Component
public class ReturnsReadModel {

    private final DSLContext dsl;

    public ReturnsReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Returned lines, newest request first; every filter is optional. */
    @Transactional(readOnly = true)
    public ReturnsPage find(String orderId, String status, String reason, String disposition, PageRequest page) {
        Condition filter = (orderId == null ? noCondition() : RETURNS_LINE.ORDER_ID.eq(orderId))
                .and(status == null ? noCondition() : RETURNS_LINE.STATUS.eq(status))
                .and(reason == null ? noCondition() : RETURNS_LINE.REASON.eq(reason))
                .and(disposition == null ? noCondition() : row(RETURNS_LINE.RETURN_ID, RETURNS_LINE.LINE_NO).in(
                        select(RETURNS_DISPOSITION.RETURN_ID, RETURNS_DISPOSITION.LINE_NO).from(RETURNS_DISPOSITION)
                                .where(RETURNS_DISPOSITION.DISPOSITION.eq(disposition))));
        long total = dsl.fetchCount(RETURNS_LINE, filter);
        var lines = dsl.selectFrom(RETURNS_LINE)
                .where(filter)
                .orderBy(RETURNS_LINE.REQUESTED_AT.desc(), RETURNS_LINE.RETURN_ID, RETURNS_LINE.LINE_NO)
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        List<String> returnIds = lines.stream().map(l -> l.getReturnId()).distinct().toList();
        Map<String, List<ReturnLineView.Disposition>> dispositions = returnIds.isEmpty() ? Map.of()
                : dsl.selectFrom(RETURNS_DISPOSITION)
                .where(RETURNS_DISPOSITION.RETURN_ID.in(returnIds))
                .orderBy(RETURNS_DISPOSITION.RETURN_ID, RETURNS_DISPOSITION.LINE_NO, RETURNS_DISPOSITION.ENTRY_NO)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(d -> d.getReturnId() + "#" + d.getLineNo(), Collectors.mapping(
                        d -> new ReturnLineView.Disposition(d.getQuantity(), d.getItemCondition(),
                                d.getDisposition()), Collectors.toList())));
        List<ReturnLineView> items = lines.map(l -> new ReturnLineView(l.getReturnId(), l.getOrderId(),
                l.getLineNo(), l.getSku(), l.getQuantity(), l.getReason(), l.getNote(), l.getStatus(),
                l.getWarehouseId(), instant(l.getRequestedAt()), instant(l.getReceivedAt()),
                instant(l.getInspectedAt()), dispositions.getOrDefault(l.getReturnId() + "#" + l.getLineNo(),
                        List.of())));
        return new ReturnsPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
