package com.omniops.support.audit;

import com.omniops.support.security.Actor;
import com.omniops.support.web.RequestIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every dispatched command with its actor. A command sent while a user is authenticated (a REST request, the
 * demo loader) carries that user, the HTTP request id and the correlation id, with the request as its cause. A command
 * sent without one is the system's: a policy reacting to an event, which it inherits as causation (from
 * {@link ActorCorrelationData}); the user whose action set it off is kept as {@code initiatedBy}.
 */
public class CommandActor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> stamp = new HashMap<>();
            Actor.current().ifPresentOrElse(actor -> {
                stamp.put(ActorCorrelationData.USER, actor.name());
                stamp.put(ActorCorrelationData.ROLES, String.join(",", actor.roles()));
                if (actor.channel() != null) {
                    stamp.put(ActorCorrelationData.CHANNEL, actor.channel());
                }
                String requestId = MDC.get(RequestIds.REQUEST_ID);
                if (requestId != null) {
                    stamp.put(ActorCorrelationData.REQUEST_ID, requestId);
                    stamp.put(ActorCorrelationData.CAUSATION_ID, requestId);
                    stamp.put(ActorCorrelationData.CORRELATION_ID, MDC.get(RequestIds.CORRELATION_ID));
                }
            }, () -> {
                Object origin = command.getMetaData().get(ActorCorrelationData.USER);
                if (origin != null && !SYSTEM.equals(origin)) {
                    stamp.put(ActorCorrelationData.INITIATED_BY, origin);
                }
                Object cause = command.getMetaData().get(ActorCorrelationData.CAUSATION_ID);
                if (cause != null) { // inherited from the event the policy is handling
                    stamp.put(ActorCorrelationData.TRIGGERING_EVENT_ID, cause);
                }
                stamp.put(ActorCorrelationData.USER, SYSTEM);
                stamp.put(ActorCorrelationData.ROLES, "SYSTEM");
            });
            return command.andMetaData(stamp);
        };
    }
}
