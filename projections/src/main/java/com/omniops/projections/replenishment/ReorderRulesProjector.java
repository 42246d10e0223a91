package com.omniops.projections.replenishment;

import static com.omniops.projections.jooq.Tables.REORDER_RULE_VIEW;
import static com.omniops.projections.support.EventUse.APPLIED;

import com.omniops.events.replenishment.ReorderRuleEvent;
import com.omniops.events.replenishment.ReorderRuleSet;
import com.omniops.projections.support.EventUse;
import com.omniops.projections.support.ReadModel;
import com.omniops.support.tx.Savepoints;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Read model "reorder-rules": the current rule of each stock item (an upsert guarded by the rule's sequence). */
@Component
@ProcessingGroup(ReorderRulesProjector.PROCESSING_GROUP)
public class ReorderRulesProjector implements ReadModel.Declared {

    public static final String PROCESSING_GROUP = "reorder-rules";

    /** This read model's one declaration: its tables (cleared in this order) and how to build it elsewhere. */
    public static final ReadModel READ_MODEL = ReadModel.of(PROCESSING_GROUP, ReorderRulesProjector::new,
            REORDER_RULE_VIEW);

    private final DSLContext dsl;
    private final Savepoints isolated;

    public ReorderRulesProjector(DSLContext dsl, Savepoints isolated) {
        this.dsl = dsl;
        this.isolated = isolated;
    }

    @EventHandler
    void on(ReorderRuleSet rule, @SequenceNumber long seq) {
        isolated.run(() -> dsl.insertInto(REORDER_RULE_VIEW)
                .set(REORDER_RULE_VIEW.STOCK_ITEM_ID, rule.stockItemId())
                .set(REORDER_RULE_VIEW.SKU, rule.sku())
                .set(REORDER_RULE_VIEW.WAREHOUSE_ID, rule.warehouseId())
                .set(REORDER_RULE_VIEW.SUPPLIER_ID, rule.supplierId())
                .set(REORDER_RULE_VIEW.METHOD, rule.method().name())
                .set(REORDER_RULE_VIEW.MIN_QTY, rule.min())
                .set(REORDER_RULE_VIEW.MAX_QTY, rule.max())
                .set(REORDER_RULE_VIEW.MULTIPLE, rule.multiple())
                .set(REORDER_RULE_VIEW.SERVICE_LEVEL, rule.serviceLevel())
                .set(REORDER_RULE_VIEW.AUTO_SUBMIT, rule.autoSubmit())
                .set(REORDER_RULE_VIEW.SET_AT, rule.setAt().atOffset(ZoneOffset.UTC))
                .set(REORDER_RULE_VIEW.LAST_SEQUENCE, seq)
                .onConflict(REORDER_RULE_VIEW.STOCK_ITEM_ID).doUpdate()
                .set(REORDER_RULE_VIEW.SUPPLIER_ID, rule.supplierId())
                .set(REORDER_RULE_VIEW.METHOD, rule.method().name())
                .set(REORDER_RULE_VIEW.MIN_QTY, rule.min())
                .set(REORDER_RULE_VIEW.MAX_QTY, rule.max())
                .set(REORDER_RULE_VIEW.MULTIPLE, rule.multiple())
                .set(REORDER_RULE_VIEW.SERVICE_LEVEL, rule.serviceLevel())
                .set(REORDER_RULE_VIEW.AUTO_SUBMIT, rule.autoSubmit())
                .set(REORDER_RULE_VIEW.SET_AT, rule.setAt().atOffset(ZoneOffset.UTC))
                .set(REORDER_RULE_VIEW.LAST_SEQUENCE, seq)
                .where(REORDER_RULE_VIEW.LAST_SEQUENCE.lt(seq))
                .execute());
    }

    @Override
    public ReadModel readModel() {
        return READ_MODEL;
    }

    @ResetHandler
    void reset() {
        READ_MODEL.clear(dsl);
    }

    /** Every ReorderRuleEvent type, applied by a handler above or ignored with why ({@link EventUse}). */
    static EventUse use(ReorderRuleEvent event) {
        return switch (event) {
            case ReorderRuleSet e -> APPLIED;
        };
    }
}
