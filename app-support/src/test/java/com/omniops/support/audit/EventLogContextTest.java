package com.omniops.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omniops.support.web.RequestIds;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventLogContextTest {

    private final EventLogContext context = new EventLogContext();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aHandlerLogsWithTheIdsOfTheRequestBehindItsEventAndTheThreadsOwnComeBackAfterwards() throws Exception {
        MDC.put(RequestIds.CORRELATION_ID, "thread-correlation");
        String[] seen = new String[2];

        handle(event(Map.of(ActorCorrelationData.CORRELATION_ID, "corr-1", ActorCorrelationData.REQUEST_ID, "req-1")),
                message -> {
                    seen[0] = MDC.get(RequestIds.CORRELATION_ID);
                    seen[1] = MDC.get(RequestIds.REQUEST_ID);
                    return null;
                });

        assertThat(seen).containsExactly("corr-1", "req-1");
        assertThat(MDC.get(RequestIds.CORRELATION_ID)).isEqualTo("thread-correlation");
        assertThat(MDC.get(RequestIds.REQUEST_ID)).isNull();
    }

    @Test
    void anEventWithoutIdsLeavesNoneOfAnEarlierEventsBehind() throws Exception {
        MDC.put(RequestIds.REQUEST_ID, "earlier");
        String[] seen = new String[1];

        handle(event(Map.of()), message -> {
            seen[0] = MDC.get(RequestIds.REQUEST_ID);
            return null;
        });

        assertThat(seen[0]).isNull();
        assertThat(MDC.get(RequestIds.REQUEST_ID)).isEqualTo("earlier");
    }

    @Test
    void theThreadsIdsComeBackWhenTheHandlerFails() {
        assertThatThrownBy(() -> handle(event(Map.of(ActorCorrelationData.CORRELATION_ID, "corr-2")), message -> {
            throw new IllegalStateException("handler failed");
        })).hasMessage("handler failed");

        assertThat(MDC.get(RequestIds.CORRELATION_ID)).isNull();
    }

    private static EventMessage<?> event(Map<String, ?> metaData) {
        return GenericEventMessage.asEventMessage("payload").withMetaData(MetaData.from(metaData));
    }

    private void handle(EventMessage<?> event, MessageHandler<EventMessage<?>> handler) throws Exception {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            context.handle(unitOfWork, new DefaultInterceptorChain<>(unitOfWork, List.of(), handler));
        } finally {
            unitOfWork.rollback();
        }
    }
}
