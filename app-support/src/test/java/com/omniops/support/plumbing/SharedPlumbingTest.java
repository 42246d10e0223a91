package com.omniops.support.plumbing;

import com.omniops.support.events.ContractUpcasterConfiguration;
import com.omniops.support.time.TimeConfiguration;
import com.omniops.support.tx.SavepointConfiguration;
import com.omniops.support.tx.Savepoints;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock, the upcaster registration and the savepoint helper both apps get from app-support. */
class SharedPlumbingTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            TimeConfiguration.class, ContractUpcasterConfiguration.class, SavepointConfiguration.class));

    @Test
    void anAppGetsTheSystemClockTheContractUpcastersAndNoSavepointsWithoutATransactionManager() {
        app.run(context -> {
            assertThat(context).hasSingleBean(Clock.class).hasSingleBean(EventUpcaster.class)
                    .doesNotHaveBean(Savepoints.class);
            assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
        });
    }

    @Test
    void anAppsOwnClockWins() {
        Clock pinned = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
        app.withBean("demoClock", Clock.class, () -> pinned)
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(pinned));
    }

    @Test
    void savepointsRunOnTheAppsTransactionManagerAsNestedTransactions() {
        RecordingTransactions transactions = new RecordingTransactions();
        app.withBean(PlatformTransactionManager.class, () -> transactions).run(context -> {
            Savepoints savepoints = context.getBean(Savepoints.class);
            assertThat(savepoints.run(() -> "done")).isEqualTo("done");
            savepoints.run(() -> { });
            assertThat(transactions.propagations).containsExactly(TransactionDefinition.PROPAGATION_NESTED,
                    TransactionDefinition.PROPAGATION_NESTED);
        });
    }

    @Test
    void anAppsOwnSavepointsBeanWins() {
        RecordingTransactions transactions = new RecordingTransactions();
        Savepoints own = new Savepoints(transactions);
        app.withBean(PlatformTransactionManager.class, () -> transactions)
                .withBean("ownSavepoints", Savepoints.class, () -> own)
                .run(context -> assertThat(context.getBean(Savepoints.class)).isSameAs(own));
    }

    private static final class RecordingTransactions implements PlatformTransactionManager {
        final List<Integer> propagations = new ArrayList<>();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            propagations.add(definition.getPropagationBehavior());
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
