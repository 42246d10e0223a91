package com.omniops.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code omniops.query.replica}: a PostgreSQL streaming replica of the primary database that queries read from
 * ({@link ReplicaReadsConfig}). No {@code url} (the default): everything reads the primary. {@code username} and
 * {@code password} default to the primary's; the replica's pool is tuned under {@code omniops.query.replica.hikari}
 * as the primary's is under {@code spring.datasource.hikari}.
 */
@ConfigurationProperties("omniops.query.replica")
public record ReplicaSettings(String url, String username, String password) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
