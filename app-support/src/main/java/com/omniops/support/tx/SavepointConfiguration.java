package com.omniops.support.tx;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** One {@link Savepoints} per app, on the app's transaction manager (the one the event processors use). */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
public class SavepointConfiguration {

    @Bean
    @ConditionalOnMissingBean(Savepoints.class)
    public Savepoints savepoints(PlatformTransactionManager transactionManager) {
        return new Savepoints(transactionManager);
    }
}
