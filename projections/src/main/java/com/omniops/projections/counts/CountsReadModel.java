package com.omniops.projections.counts;

import com.omniops.projections.jooq.tables.records.CountsCountRecord;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static com.omniops.projections.jooq.Tables.COUNTS_COUNT;
import static org.jooq.impl.DSL.noCondition;

/** Reads the counts read model. */
@Component
public class CountsReadModel {

    private final DSLContext dsl;

    public CountsReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Counts newest first, optionally of one warehouse, one SKU and/or one status. */
    @Transactional(readOnly = true)
    public CountsPage list(String warehouseId, String sku, String status, PageRequest page) {
        Condition filter = (warehouseId == null ? noCondition() : COUNTS_COUNT.WAREHOUSE_ID.eq(warehouseId))
                .and(sku == null ? noCondition() : COUNTS_COUNT.SKU.eq(sku))
                .and(status == null ? noCondition() : COUNTS_COUNT.STATUS.eq(status));
        long total = dsl.fetchCount(COUNTS_COUNT, filter);
        List<CountView> items = dsl.selectFrom(COUNTS_COUNT)
                .where(filter)
                .orderBy(COUNTS_COUNT.COUNTED_AT.desc(), COUNTS_COUNT.COUNT_ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(CountsReadModel::view);
        return new CountsPage(items, page.page(), page.size(), total, page.totalPages(total));
    }

    private static CountView view(CountsCountRecord c) {
        List<String> reasons = c.getApprovalReasons().isEmpty() ? List.of()
                : Arrays.asList(c.getApprovalReasons().split(","));
        return new CountView(c.getCountId(), c.getWarehouseId(), c.getSku(), c.getStatus(), c.getBookQuantity(),
                c.getCountedQuantity(), c.getVariance(), c.getWithinTolerance(), Amounts.normalized(c.getUnitCost()),
                Amounts.normalized(c.getVarianceValue()), c.getCurrency(), reasons, c.getCountedBy(), c.getNote(),
                instant(c.getCountedAt()), c.getDecidedBy(), c.getDecisionNote(), instant(c.getDecidedAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
