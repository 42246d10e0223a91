package com.omniops.command.config;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a policy's command inside a savepoint of the event processor's transaction. A command that fails marks a
 * participating transaction rollback-only, which would fail the whole batch (and retry it forever); rolling back to the
 * savepoint undoes only that command, so the policy can log the refusal, or rethrow it to the dead-letter queue, and
 * the rest of the batch and the token still commit.
 */
@Component
public class Savepoints {

    private final TransactionTemplate nested;

    public Savepoints(PlatformTransactionManager transactionManager) {
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public <T> T run(Supplier<T> work) {
        return nested.execute(status -> work.get());
    }
}
