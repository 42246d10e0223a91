package com.omniops.command.config;

import com.omniops.command.rule.BusinessRuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts and times every command this node handles ({@code omniops.commands}), by command (its simple class name)
 * and outcome: {@code success}; {@code rejected} when a business rule refused it (the caller got a 4xx); {@code
 * failed} for anything else, a failed commit included (a lost optimistic-concurrency race shows as such and is then
 * retried, so it also counts once more; {@code omniops.eventstore.append} tells the races apart). The time runs from
 * the handler's start to the end of the command's unit of work, i.e. with its event append and commit; a command
 * sent inside a request's unit of work (an {@code Idempotency-Key}) ends with that request's. Commands a policy sends
 * are counted too. A histogram, so Prometheus gives percentiles per node and across nodes.
 * <p>
 * A bean, and not registered here: Axon's Spring configuration puts every command handler interceptor bean on the
 * command bus itself (registering it here as well counted each command twice).
 */
@Component
public final class CommandMeters implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String COMMANDS = "omniops.commands";

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public CommandMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        long start = System.nanoTime();
        String command = simpleName(unitOfWork.getMessage().getCommandName());
        unitOfWork.onCleanup(done -> timer(command, outcome(done))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        return interceptorChain.proceed();
    }

    private static String outcome(UnitOfWork<?> done) {
        if (!done.isRolledBack()) {
            return "success";
        }
        ExecutionResult result = done.getExecutionResult();
        return result != null && result.isExceptionResult()
                && result.getExceptionResult() instanceof BusinessRuleViolation ? "rejected" : "failed";
    }

    private Timer timer(String command, String outcome) {
        return timers.computeIfAbsent(command + ' ' + outcome, key -> Timer.builder(COMMANDS)
                .description("Commands handled, from the handler's start to the end of their unit of work")
                .tag("command", command)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters));
    }

    private static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
