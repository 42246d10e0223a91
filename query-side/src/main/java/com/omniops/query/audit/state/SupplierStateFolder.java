package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.supplier.SupplierEvent;
import com.omniops.events.supplier.SupplierRegistered;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Supplier: its terms (lead time mean and deviation, minimum order quantity, currency). */
@Component
public class SupplierStateFolder implements AuditStateFolder<SupplierStateFolder.SupplierState, SupplierEvent> {

    @Override
    public String aggregateType() {
        return "Supplier";
    }

    @Override
    public SupplierState initial(String aggregateId) {
        return new SupplierState(aggregateId);
    }

    @Override
    public Class<SupplierEvent> events() {
        return SupplierEvent.class;
    }

    @Override
    public void fold(SupplierState s, SupplierEvent event) {
        switch (event) {
            case SupplierRegistered e -> {
                s.supplierId = e.supplierId();
                s.name = e.name();
                s.leadTimeMeanDays = e.leadTimeMeanDays();
                s.leadTimeStdDevDays = e.leadTimeStdDevDays();
                s.minimumOrderQuantity = e.minimumOrderQuantity();
                s.currency = e.currency();
                s.registeredAt = e.registeredAt();
            }
        }
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class SupplierState {
        private final String streamId;
        private String supplierId;
        private String name;
        private BigDecimal leadTimeMeanDays;
        private BigDecimal leadTimeStdDevDays;
        private int minimumOrderQuantity;
        private String currency;
        private Instant registeredAt;

        SupplierState(String streamId) {
            this.streamId = streamId;
        }
    }
}
