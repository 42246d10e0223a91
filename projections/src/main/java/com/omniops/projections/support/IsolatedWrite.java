package com.omniops.projections.support;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the writes of one event inside a savepoint of the processor's batch transaction.
 * <p>
 * A pooled processor applies a whole batch of events in one transaction. When one event fails, PostgreSQL marks the
 * transaction aborted; without a savepoint the dead-letter insert for that event and every later event of the batch
 * would fail too. Rolling back to the savepoint and rethrowing lets Axon dead-letter exactly the failing event while
 * the rest of the batch (and the token) still commit. Outside a transaction this simply starts one.
 */
@Component
public class IsolatedWrite {

    private final TransactionTemplate savepoint;

    public IsolatedWrite(PlatformTransactionManager transactionManager) {
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public void run(Runnable writes) {
        savepoint.executeWithoutResult(status -> writes.run());
    }
}
