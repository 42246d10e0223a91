package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.replenishment.ReorderRuleEvent;
import com.omniops.events.replenishment.ReorderRuleSet;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Reorder rule of one stock item: the rule in force and how many times it was set. */
@Component
public class ReorderRuleStateFolder
        implements AuditStateFolder<ReorderRuleStateFolder.ReorderRuleState, ReorderRuleEvent> {

    @Override
    public String aggregateType() {
        return "ReorderRule";
    }

    @Override
    public ReorderRuleState initial(String aggregateId) {
        return new ReorderRuleState(aggregateId);
    }

    @Override
    public Class<ReorderRuleEvent> events() {
        return ReorderRuleEvent.class;
    }

    @Override
    public void fold(ReorderRuleState s, ReorderRuleEvent event) {
        switch (event) {
            case ReorderRuleSet e -> {
                s.stockItemId = e.stockItemId();
                s.sku = e.sku();
                s.warehouseId = e.warehouseId();
                s.supplierId = e.supplierId();
                s.method = e.method();
                s.min = e.min();
                s.max = e.max();
                s.multiple = e.multiple();
                s.serviceLevel = e.serviceLevel();
                s.autoSubmit = e.autoSubmit();
                s.setAt = e.setAt();
                s.timesSet++;
            }
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class ReorderRuleState {
        private final String streamId;
        private String stockItemId;
        private String sku;
        private String warehouseId;
        private String supplierId;
        private ReorderMethod method;
        private int min;
        private int max;
        private int multiple;
        private BigDecimal serviceLevel;
        private boolean autoSubmit;
        private Instant setAt;
        private int timesSet;

        ReorderRuleState(String streamId) {
            this.streamId = streamId;
        }
    }
}
