package com.omniops.support.audit;

import com.omniops.support.web.RequestIds;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * While an event handler runs (a projector, a policy), the log context carries the correlation and request ids the
 * event inherited from the request that caused it ({@link ActorCorrelationData}), as a request thread's log lines do
 * ({@link RequestIds}): a policy's warning and the commands it sends can be found with the request that set them
 * off. The thread's previous values are put back afterwards (a processor thread handles many events in turn).
 */
public final class EventLogContext implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        String correlationBefore = MDC.get(RequestIds.CORRELATION_ID);
        String requestBefore = MDC.get(RequestIds.REQUEST_ID);
        put(RequestIds.CORRELATION_ID, metaData.get(ActorCorrelationData.CORRELATION_ID));
        put(RequestIds.REQUEST_ID, metaData.get(ActorCorrelationData.REQUEST_ID));
        try {
            return interceptorChain.proceed();
        } finally {
            put(RequestIds.CORRELATION_ID, correlationBefore);
            put(RequestIds.REQUEST_ID, requestBefore);
        }
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value.toString());
        }
    }
}
