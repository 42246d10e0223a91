package com.omniops.command.purchasing.supplier;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.StreamIds;
import com.omniops.events.supplier.SupplierRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A supplier: lead time (mean and deviation in days), minimum order quantity per line, invoicing currency. */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Supplier {

    @AggregateIdentifier
    private String aggregateId;

    protected Supplier() {
    }

    @CommandHandler
    public Supplier(RegisterSupplier command, SupplierDirectory directory, Clock clock) {
        require(command.leadTimeMeanDays().signum() > 0, ErrorCode.VALIDATION_FAILED,
                "The mean lead time must be positive.");
        require(command.leadTimeStdDevDays().signum() >= 0, ErrorCode.VALIDATION_FAILED,
                "The lead time deviation cannot be negative.");
        require(command.minimumOrderQuantity() >= 1, ErrorCode.VALIDATION_FAILED,
                "The minimum order quantity is at least 1.");
        directory.register(new SupplierDirectory.Terms(command.supplierId(), command.leadTimeMeanDays(),
                command.leadTimeStdDevDays(), command.minimumOrderQuantity(), command.currency()));
        apply(new SupplierRegistered(command.supplierId(), command.name(), command.leadTimeMeanDays(),
                command.leadTimeStdDevDays(), command.minimumOrderQuantity(), command.currency(), clock.instant()));
    }

    @EventSourcingHandler
    void on(SupplierRegistered event) {
        aggregateId = StreamIds.supplier(event.supplierId());
    }
}
