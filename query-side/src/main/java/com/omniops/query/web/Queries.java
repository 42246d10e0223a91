package com.omniops.query.web;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Sends a query through Axon's query gateway and turns a handler's {@link QueryProblem} into an API error. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R ask(Object query, ResponseType<R> responseType) {
        try {
            return gateway.query(query, responseType).join();
        } catch (CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        }
    }

    private static RuntimeException translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HandlerExecutionException handlerFailure) {
                Optional<Object> details = handlerFailure.getDetails();
                if (details.isPresent() && details.get() instanceof QueryProblem problem) {
                    return new ApiException(HttpStatus.valueOf(problem.status()), problem.code(), problem.detail());
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
