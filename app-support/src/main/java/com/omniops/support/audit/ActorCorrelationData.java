package com.omniops.support.audit;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every message caused by another message inherits from it: who acted (user, roles, channel, and for a
 * system-issued command the user who set it off), the request id, the correlation id of the whole chain, and — as
 * causation id — the id of the message being handled. Axon attaches this to the events a command produces and to the
 * commands a policy sends while handling an event (which also remember that event as {@code triggeringEventId}).
 */
public class ActorCorrelationData implements CorrelationDataProvider {

    public static final String USER = "user";
    public static final String ROLES = "roles";
    public static final String CHANNEL = "channel";
    public static final String INITIATED_BY = "initiatedBy";
    public static final String TRIGGERING_EVENT_ID = "triggeringEventId";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    private static final List<String> INHERITED = List.of(USER, ROLES, CHANNEL, INITIATED_BY, REQUEST_ID,
            TRIGGERING_EVENT_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : INHERITED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(CORRELATION_ID, message.getMetaData().getOrDefault(CORRELATION_ID, message.getIdentifier()));
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
