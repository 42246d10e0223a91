package com.omniops.projections.support;

import com.omniops.support.tx.Savepoints;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs the writes of one event inside a savepoint of the processor's batch transaction, so Axon can dead-letter
 * exactly the failing event while the rest of the batch (and the token) still commit: the shared {@link Savepoints}
 * under the name the projectors use. Its {@code run(Runnable)} is the one projectors call.
 */
@Component
public class IsolatedWrite extends Savepoints {

    public IsolatedWrite(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }
}
