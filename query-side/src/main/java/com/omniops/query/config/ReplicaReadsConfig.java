package com.omniops.query.config;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read scaling: with {@code omniops.query.replica.url} set, every <em>read-only</em> transaction runs on a PostgreSQL
 * streaming replica — the read models' queries ({@code @Transactional(readOnly = true)} on every read model) and
 * the audit's event reads. Everything else stays on the primary: the processors that write the read models and their
 * tokens, dead letters, verification and rebuilds, the hash chain job, Flyway, and the admin API's positions.
 * <p>
 * How: the application's {@link DataSource} is Spring's {@link LazyConnectionDataSourceProxy} over the primary pool
 * with the replica pool as its read-only variant. A transaction's connection is only taken at its first statement,
 * when Spring has already marked the transaction read-only or not, so the choice needs no code in the read models.
 * A read model row and its processor's token commit together on the primary and are replayed together on the
 * replica, so a query sees a consistent (possibly older) state; how much older is in the processors API
 * ({@code replica} of each processor, {@code com.omniops.query.admin.ReplicaLag}).
 * <p>
 * Both pools are health contributors ({@code db}), so a node whose replica is down leaves the load balancer
 * (readiness), as it would without its primary: it could not answer queries.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${omniops.query.replica.url:}'.isBlank()")
public class ReplicaReadsConfig {

    /** The primary's pool, built and tuned ({@code spring.datasource.hikari}) as Boot's own would be. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource primaryDataSource(DataSourceProperties properties) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("primary");
        return pool;
    }

    @Bean
    @ConfigurationProperties("omniops.query.replica.hikari")
    public HikariDataSource replicaDataSource(ReplicaSettings replica, DataSourceProperties primary) {
        HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(replica.url())
                .username(replica.username() != null ? replica.username() : primary.determineUsername())
                .password(replica.password() != null ? replica.password() : primary.determinePassword())
                .build();
        pool.setPoolName("replica");
        pool.setReadOnly(true);
        return pool;
    }

    @Bean
    @Primary
    public DataSource dataSource(@Qualifier("primaryDataSource") HikariDataSource primaryDataSource,
                                 @Qualifier("replicaDataSource") HikariDataSource replicaDataSource) {
        LazyConnectionDataSourceProxy reads = new LazyConnectionDataSourceProxy(primaryDataSource);
        reads.setReadOnlyDataSource(replicaDataSource);
        return reads;
    }
}
