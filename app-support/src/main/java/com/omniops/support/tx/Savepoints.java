package com.omniops.support.tx;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs work inside a savepoint of the surrounding transaction (outside one it simply starts one).
 * <p>
 * Event processors apply a batch of events in one transaction. When the work for one event fails, PostgreSQL marks
 * the whole transaction aborted and Spring marks it rollback-only: the dead-letter insert for that event, every later
 * event of the batch and the token would all fail with it, and the batch would be retried forever. Rolling back to
 * the savepoint undoes only the failed work, so the caller can log the failure or rethrow it to the dead-letter queue
 * while the rest of the batch and the token still commit. Used by the command side's policies (their commands) and by
 * the projections (their writes).
 */
public class Savepoints {

    private final TransactionTemplate nested;

    public Savepoints(PlatformTransactionManager transactionManager) {
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public <T> T run(Supplier<T> work) {
        return nested.execute(status -> work.get());
    }

    public void run(Runnable work) {
        nested.executeWithoutResult(status -> work.run());
    }
}
