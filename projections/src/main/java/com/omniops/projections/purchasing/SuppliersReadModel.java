package com.omniops.projections.purchasing;

import static com.omniops.projections.jooq.Tables.PURCHASING_SUPPLIER;
import static org.jooq.impl.DSL.noCondition;

import com.omniops.projections.jooq.tables.records.PurchasingSupplierRecord;
import com.omniops.projections.support.Amounts;
import com.omniops.projections.support.PageRequest;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the suppliers of the purchasing read model (the purchasing projector keeps them). */
@Component
public class SuppliersReadModel {

    private final DSLContext dsl;

    public SuppliersReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Suppliers by id; optionally those whose id or name contains {@code text} (case-insensitive). */
    @Transactional(readOnly = true)
    public SuppliersPage list(String text, PageRequest page) {
        Condition filter = text == null ? noCondition()
                : PURCHASING_SUPPLIER.SUPPLIER_ID.containsIgnoreCase(text)
                        .or(PURCHASING_SUPPLIER.NAME.containsIgnoreCase(text));
        long total = dsl.fetchCount(PURCHASING_SUPPLIER, filter);
        return new SuppliersPage(dsl.selectFrom(PURCHASING_SUPPLIER).where(filter)
                .orderBy(PURCHASING_SUPPLIER.SUPPLIER_ID).limit(page.size()).offset(page.offset())
                .fetch(SuppliersReadModel::view), page.page(), page.size(), total, page.totalPages(total));
    }

    @Transactional(readOnly = true)
    public Optional<SupplierView> find(String supplierId) {
        return dsl.selectFrom(PURCHASING_SUPPLIER).where(PURCHASING_SUPPLIER.SUPPLIER_ID.eq(supplierId))
                .fetchOptional().map(SuppliersReadModel::view);
    }

    private static SupplierView view(PurchasingSupplierRecord s) {
        return new SupplierView(s.getSupplierId(), s.getName(), Amounts.normalized(s.getLeadTimeMeanDays()),
                Amounts.normalized(s.getLeadTimeStdDevDays()), s.getMinimumOrderQuantity(), s.getCurrency(),
                s.getRegisteredAt().toInstant());
    }
}
