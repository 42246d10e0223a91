package com.omniops.command.order;

import com.omniops.command.lookup.OrderReferences;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.support.security.Actor;
import org.springframework.stereotype.Component;

/**
 * What every order endpoint checks before it sends a command: that the order exists (404 ORDER_NOT_FOUND, before the
 * command bus) and, where a channel integration may call, that the order is of the caller's channel.
 */
@Component
public class OrderAccess {

    private final OrderReferences references;

    public OrderAccess(OrderReferences references) {
        this.references = references;
    }

    public void requireOrder(String orderId) {
        BusinessRuleViolation.require(references.orderExists(orderId), ErrorCode.ORDER_NOT_FOUND,
                "There is no order " + orderId + ".");
    }

    /** The order exists and the caller may act on its channel. */
    public void requireOrderOfCallersChannel(String orderId) {
        requireOrder(orderId);
        requireChannelAccess(references.channelOf(orderId));
    }

    /** A channel integration acts only on its own channel's orders. */
    public static void requireChannelAccess(String channelId) {
        Actor.current().filter(actor -> !actor.mayAccessChannel(channelId)).ifPresent(actor -> {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_NOT_ALLOWED,
                    "User " + actor.name() + " may only act on orders of channel " + actor.channel() + ".");
        });
    }
}
