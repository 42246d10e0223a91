package com.omniops.command.config;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shared {@link com.omniops.support.tx.Savepoints} under its former name, kept only so the policies that import
 * this one still compile; new code injects {@code com.omniops.support.tx.Savepoints}. Once no class imports this one,
 * delete it: app-support then registers the shared helper itself.
 */
@Component
public class Savepoints extends com.omniops.support.tx.Savepoints {

    public Savepoints(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }
}
