package com.omniops.command.replenishment.rule;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.StreamIds;
import com.omniops.events.replenishment.ReorderMethod;
import com.omniops.events.replenishment.ReorderRuleSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The replenishment rule of one stock item (id "rule~warehouse:sku" — aggregate ids share one event table, so it must
 * differ from the stock item's). Kept apart from the StockItem so that tuning a rule never contends with the
 * reservations on the stock itself.
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReorderRule {

    private static final BigDecimal LOWEST_SERVICE_LEVEL = new BigDecimal("0.50");
    private static final BigDecimal HIGHEST_SERVICE_LEVEL = new BigDecimal("0.9999");

    @AggregateIdentifier
    private String ruleId;
    private ReorderRuleSet current;

    protected ReorderRule() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReorderRuleSet handle(SetReorderRule command, ProductCatalog catalog, SupplierDirectory suppliers,
                                 Clock clock) {
        require(catalog.exists(command.sku()), ErrorCode.UNKNOWN_SKU,
                "SKU " + command.sku() + " is not a registered product.");
        SupplierDirectory.Terms terms = suppliers.terms(command.supplierId()).orElse(null);
        require(terms != null, ErrorCode.SUPPLIER_NOT_FOUND, "There is no supplier " + command.supplierId() + ".");
        require(command.multiple() >= 1, ErrorCode.VALIDATION_FAILED, "The order multiple is at least 1.");
        if (command.method() == ReorderMethod.MIN_MAX) {
            require(command.min() >= 0 && command.max() > command.min(), ErrorCode.VALIDATION_FAILED,
                    "A min/max rule needs 0 ≤ min < max.");
        } else {
            require(command.serviceLevel() != null && command.serviceLevel().compareTo(LOWEST_SERVICE_LEVEL) >= 0
                            && command.serviceLevel().compareTo(HIGHEST_SERVICE_LEVEL) <= 0,
                    ErrorCode.VALIDATION_FAILED, "A service level rule needs a service level from 0.50 to 0.9999.");
            require(command.max() >= 0, ErrorCode.VALIDATION_FAILED, "The cycle stock (max) cannot be negative.");
        }
        ReorderRuleSet rule = new ReorderRuleSet(StreamIds.stockItem(command.warehouseId(), command.sku()), command.sku(), command.warehouseId(),
                command.supplierId(), command.method(), command.min(), command.max(), command.multiple(),
                command.serviceLevel(), command.autoSubmit(), clock.instant());
        if (current == null || !sameRule(current, rule)) {
            apply(rule);
        }
        return current;
    }

    private static boolean sameRule(ReorderRuleSet a, ReorderRuleSet b) {
        return a.supplierId().equals(b.supplierId()) && a.method() == b.method() && a.min() == b.min()
                && a.max() == b.max() && a.multiple() == b.multiple() && a.autoSubmit() == b.autoSubmit()
                && (a.serviceLevel() == null ? b.serviceLevel() == null
                : b.serviceLevel() != null && a.serviceLevel().compareTo(b.serviceLevel()) == 0);
    }

    @EventSourcingHandler
    void on(ReorderRuleSet event) {
        ruleId = StreamIds.reorderRule(event.stockItemId());
        current = event;
    }
}
