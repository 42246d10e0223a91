package com.omniops.command.config;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The REST API's command gateway. A request without an open unit of work sends through {@code retrying}, which
 * retries a lost optimistic-concurrency race on Axon's retry thread. A request that runs inside a unit of work — one
 * with an {@code Idempotency-Key}, whose claim, command and stored response share the {@code IdempotencyFilter}'s
 * transaction — sends through {@code direct}: once, on the calling thread, so the command's unit of work nests in the
 * request's and commits with it. A retry on another thread would run in a transaction of its own and could commit
 * while the request's (and its idempotency record) rolls back. A race lost there surfaces when the request commits
 * and is answered 409 without being remembered, so the client's retry runs the command again.
 */
public class RequestCommandGateway implements CommandGateway {

    /** Resource on the root unit of work: a command of this request completed (its events wait for the root). */
    public static final String COMMAND_COMPLETED = RequestCommandGateway.class.getName() + ".completed";

    private final CommandGateway retrying;
    private final CommandGateway direct;

    public RequestCommandGateway(CommandGateway retrying, CommandGateway direct) {
        this.retrying = retrying;
        this.direct = direct;
    }

    private static boolean inRequestUnitOfWork() {
        return CurrentUnitOfWork.isStarted();
    }

    private CommandGateway gateway() {
        return inRequestUnitOfWork() ? direct : retrying;
    }

    private static <R> R completed(R result) {
        CurrentUnitOfWork.ifStarted(u -> u.root().resources().put(COMMAND_COMPLETED, Boolean.TRUE));
        return result;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        gateway().send(command, callback);
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return completed(gateway().sendAndWait(command));
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return completed(gateway().sendAndWait(command, timeout, unit));
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        return gateway().send(command);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        Registration first = retrying.registerDispatchInterceptor(dispatchInterceptor);
        Registration second = direct.registerDispatchInterceptor(dispatchInterceptor);
        return () -> first.cancel() & second.cancel();
    }
}
