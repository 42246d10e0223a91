package com.omniops.support.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the LISTEN and NOTIFY connections go: the app's own database, outside its connection pool (a LISTEN holds its
 * connection for good, and neither should wait behind the pool when it is busy). The application name makes them easy
 * to find in {@code pg_stat_activity}.
 */
public record EventNotifyConnection(String url, String user, String password) {

    /** The channel: the payload is empty, so PostgreSQL folds repeats within one transaction into one. */
    public static final String CHANNEL = "omniops_events";

    Connection open(String applicationName) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        // A lost server is noticed by a failed read or the periodic check; these bound the reconnect attempts.
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }
}
