package com.omniops.command.order;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Runs a command against an aggregate loaded in the current unit of work, so that the events of several aggregates
 * (an order and its stock items) are stored in one database transaction: all of them, or none.
 */
public final class SameTransaction {

    private SameTransaction() {
    }

    @SuppressWarnings("unchecked")
    public static <R> R execute(Aggregate<?> aggregate, Object command) {
        try {
            return (R) aggregate.handle(GenericCommandMessage.asCommandMessage(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Command " + command.getClass().getSimpleName() + " failed", e);
        }
    }

    public static Aggregate<Order> loadOrder(Repository<Order> orders, String orderId) {
        try {
            return orders.load(orderId);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(ErrorCode.ORDER_NOT_FOUND, "There is no order " + orderId + ".");
        }
    }
}
