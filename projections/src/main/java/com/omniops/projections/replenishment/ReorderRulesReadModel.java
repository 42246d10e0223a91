package com.omniops.projections.replenishment;

import static com.omniops.projections.jooq.Tables.REORDER_RULE_VIEW;
import static org.jooq.impl.DSL.noCondition;

import com.omniops.projections.jooq.tables.records.ReorderRuleViewRecord;
import com.omniops.projections.support.PageRequest;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the reorder-rules read model: the current rule of each stock item. */
@Component
public class ReorderRulesReadModel {

    private final DSLContext dsl;

    public ReorderRulesReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Rules by warehouse and SKU; each filter optional. */
    @Transactional(readOnly = true)
    public ReorderRulesPage list(String warehouseId, String sku, String supplierId, String method, PageRequest page) {
        Condition filter = (warehouseId == null ? noCondition() : REORDER_RULE_VIEW.WAREHOUSE_ID.eq(warehouseId))
                .and(sku == null ? noCondition() : REORDER_RULE_VIEW.SKU.eq(sku))
                .and(supplierId == null ? noCondition() : REORDER_RULE_VIEW.SUPPLIER_ID.eq(supplierId))
                .and(method == null ? noCondition() : REORDER_RULE_VIEW.METHOD.eq(method));
        long total = dsl.fetchCount(REORDER_RULE_VIEW, filter);
        return new ReorderRulesPage(dsl.selectFrom(REORDER_RULE_VIEW).where(filter)
                .orderBy(REORDER_RULE_VIEW.WAREHOUSE_ID, REORDER_RULE_VIEW.SKU).limit(page.size())
                .offset(page.offset()).fetch(ReorderRulesReadModel::view), page.page(), page.size(), total,
                page.totalPages(total));
    }

    @Transactional(readOnly = true)
    public Optional<ReorderRuleView> find(String warehouseId, String sku) {
        return dsl.selectFrom(REORDER_RULE_VIEW).where(REORDER_RULE_VIEW.WAREHOUSE_ID.eq(warehouseId))
                .and(REORDER_RULE_VIEW.SKU.eq(sku)).fetchOptional().map(ReorderRulesReadModel::view);
    }

    private static ReorderRuleView view(ReorderRuleViewRecord r) {
        return new ReorderRuleView(r.getStockItemId(), r.getSku(), r.getWarehouseId(), r.getSupplierId(),
                r.getMethod(), r.getMinQty(), r.getMaxQty(), r.getMultiple(), r.getServiceLevel(),
                r.getAutoSubmit(), r.getSetAt().toInstant());
    }
}
