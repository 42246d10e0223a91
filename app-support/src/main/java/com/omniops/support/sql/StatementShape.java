package com.omniops.support.sql;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A hot statement rendered to SQL once and executed many times with fresh bind values.
 * <p>
 * Why: jOOQ renders the SQL string of every statement on every execution (walking the query tree, quoting names,
 * collecting binds). On the event processors' and the order placement's hot paths that rendering was most of jOOQ's
 * share of the CPU profile (docs/benchmarks.md, tuning log), while the statement's text never changes: only its
 * values do. So the statement is still written with jOOQ's generated tables (type-checked, readable), once, with a
 * named {@link org.jooq.impl.DSL#param(String, Field) param} for each value that varies; this class renders it then
 * (every other value is inlined as the constant it is) and afterwards only binds and executes.
 * <p>
 * Executions run on the DSLContext's own connection (its {@code ConnectionProvider}: in the apps, Spring's
 * transaction-aware one), so inside the surrounding Spring transaction, exactly as a jOOQ execution would. A failure
 * surfaces as the same Spring {@code DataAccessException} the apps' jOOQ statements throw (Boot translates those by
 * the dialect's error codes, as here): a unique violation is a {@code DuplicateKeyException}.
 * <p>
 * Values are given in the order of the names passed to {@link #of}; a name used twice in the statement takes the same
 * value at both places. Supported values: String, Integer, Long, Short, BigDecimal, Double, Boolean, UUID, Instant
 * (bound as a UTC timestamp with time zone), OffsetDateTime, LocalDate, LocalDateTime, LocalTime, enums (their name),
 * byte[], String[] (a varchar array, for {@code field.eq(any(param(name, String[].class)))} in place of a variable
 * IN list), jOOQ JSON/JSONB, and null (typed by the param's data type). Instances are immutable and thread-safe: keep
 * one per statement in a field.
 */
public final class StatementShape {

    private final DSLContext dsl;
    private final String sql;
    private final List<String> names;
    /** For each value (in {@link #names} order), the 1-based positions of its placeholders in {@link #sql}. */
    private final int[][] positions;
    /** The SQL type of each placeholder position (index 0 = position 1), for binding nulls. */
    private final int[] nullTypes;
    private final Field<?>[] resultFields;
    private final SQLExceptionTranslator translator;

    private StatementShape(DSLContext dsl, String sql, List<String> names, int[][] positions, int[] nullTypes,
                           Field<?>[] resultFields) {
        this.dsl = dsl;
        this.sql = sql;
        this.names = names;
        this.positions = positions;
        this.nullTypes = nullTypes;
        this.resultFields = resultFields;
        this.translator = translatorFor(dsl);
    }

    /**
     * Renders {@code query} once with {@code dsl}'s settings. {@code valueNames} are the names of the query's named
     * params, in the order the executions will give their values; each must occur in the query and every named param
     * of the query must be listed (a mismatch is a programming error, reported here, at startup).
     */
    public static StatementShape of(DSLContext dsl, Query query, String... valueNames) {
        Map<String, DataType<?>> named = new LinkedHashMap<>();
        for (Param<?> param : query.getParams().values()) {
            if (!param.isInline() && param.getParamName() != null) {
                named.putIfAbsent(param.getParamName(), param.getDataType());
            }
        }
        List<String> names = List.of(valueNames);
        if (names.size() != named.size() || !named.keySet().containsAll(names)) {
            throw new IllegalArgumentException("The values " + names + " do not name the statement's params "
                    + named.keySet() + ": " + dsl.renderNamedOrInlinedParams(query));
        }
        Placeholders placeholders = Placeholders.replace(dsl.renderNamedOrInlinedParams(query), named.keySet());
        int[][] positions = new int[names.size()][];
        for (int v = 0; v < names.size(); v++) {
            String name = names.get(v);
            positions[v] = placeholders.positions(name);
            if (positions[v].length == 0) {
                throw new IllegalArgumentException("The param " + name + " was not rendered as a placeholder: "
                        + placeholders.sql());
            }
        }
        int[] nullTypes = new int[placeholders.order().size()];
        for (int i = 0; i < nullTypes.length; i++) {
            nullTypes[i] = named.get(placeholders.order().get(i)).getSQLType();
        }
        Field<?>[] resultFields = query instanceof Select<?> select ? select.getSelect().toArray(Field[]::new) : null;
        return new StatementShape(dsl, placeholders.sql(), names, positions, nullTypes, resultFields);
    }

    /** The SQL as sent, with a {@code ?} for each value. */
    public String sql() {
        return sql;
    }

    /** Executes the statement with these values; the number of rows it changed. */
    public int execute(Object... values) {
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Executes the statement once per row of values, as one JDBC batch (one round trip); the number of rows each
     * changed, in order. No rows: no statement.
     */
    public int[] executeBatch(Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] values : rows) {
                    bind(statement, values);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    /** The rows a SELECT returns for these values, read as the query's own select fields (typed as in jOOQ). */
    public Result<Record> fetch(Object... values) {
        if (resultFields == null) {
            throw new IllegalStateException("Not a SELECT: " + sql);
        }
        return run(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, resultFields);
                }
            }
        });
    }

    /** The one row a SELECT returns for these values, if any (more than one is a programming error). */
    public Optional<Record> fetchOptional(Object... values) {
        Result<Record> rows = fetch(values);
        if (rows.size() > 1) {
            throw new IllegalStateException(rows.size() + " rows where at most one was expected: " + sql);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> T run(JdbcWork<T> work) {
        return dsl.connectionResult(connection -> {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                RuntimeException translated = translator.translate("StatementShape", sql, e);
                throw translated != null ? translated : new UncategorizedSQLException("StatementShape", sql, e);
            }
        });
    }

    private void bind(PreparedStatement statement, Object[] values) throws SQLException {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(values.length + " values for " + names + ": " + sql);
        }
        for (int v = 0; v < values.length; v++) {
            for (int position : positions[v]) {
                bind(statement, position, values[v]);
            }
        }
    }

    private void bind(PreparedStatement statement, int position, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(position, nullTypes[position - 1]);
            case String s -> statement.setString(position, s);
            case Integer i -> statement.setInt(position, i);
            case Long l -> statement.setLong(position, l);
            case Short s -> statement.setShort(position, s);
            case BigDecimal d -> statement.setBigDecimal(position, d);
            case Double d -> statement.setDouble(position, d);
            case Boolean b -> statement.setBoolean(position, b);
            case UUID u -> statement.setObject(position, u);
            // PgJDBC reads an OffsetDateTime as timestamptz; in UTC it is the same instant
            case Instant t -> statement.setObject(position, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            case OffsetDateTime t -> statement.setObject(position, t);
            case LocalDate d -> statement.setObject(position, d);
            case LocalDateTime t -> statement.setObject(position, t);
            case LocalTime t -> statement.setObject(position, t);
            case Enum<?> e -> statement.setString(position, e.name());
            case byte[] bytes -> statement.setBytes(position, bytes);
            // an array value: for "column = ANY(:values)", one statement shape whatever the number of values
            case String[] strings -> statement.setArray(position,
                    statement.getConnection().createArrayOf("varchar", strings));
            case JSONB json -> statement.setObject(position, json.data(), Types.OTHER);
            case JSON json -> statement.setObject(position, json.data(), Types.OTHER);
            default -> throw new IllegalArgumentException("No binding for a " + value.getClass().getName()
                    + " (value " + names.get(valueIndexOf(position)) + "): " + sql);
        }
    }

    private int valueIndexOf(int position) {
        for (int v = 0; v < positions.length; v++) {
            if (Arrays.stream(positions[v]).anyMatch(p -> p == position)) {
                return v;
            }
        }
        throw new IllegalStateException("No value at " + position);
    }

    /** The same translation Spring Boot's jOOQ auto-configuration applies to jOOQ's own executions. */
    private static SQLExceptionTranslator translatorFor(DSLContext dsl) {
        String springName = dsl.dialect().thirdParty().springDbName();
        return springName != null ? new SQLErrorCodeSQLExceptionTranslator(springName)
                : new SQLStateSQLExceptionTranslator();
    }

    @FunctionalInterface
    private interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * jOOQ's rendering with {@code :name} placeholders turned into JDBC's {@code ?}, outside string literals, quoted
     * names and {@code ::} casts; {@code order} is the name at each {@code ?}, first to last.
     */
    record Placeholders(String sql, List<String> order) {

        static Placeholders replace(String rendered, Collection<String> names) {
            StringBuilder out = new StringBuilder(rendered.length());
            List<String> order = new ArrayList<>();
            int i = 0;
            int n = rendered.length();
            while (i < n) {
                char c = rendered.charAt(i);
                if (c == '\'' || c == '"') { // a literal or a quoted name, up to its closing quote ('' or "" escape)
                    int end = i + 1;
                    while (end < n && rendered.charAt(end) != c) {
                        end++;
                    }
                    out.append(rendered, i, Math.min(end + 1, n));
                    i = end + 1;
                } else if (c == ':' && i + 1 < n && rendered.charAt(i + 1) == ':') {
                    out.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(rendered.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < n && Character.isJavaIdentifierPart(rendered.charAt(end))) {
                        end++;
                    }
                    String name = rendered.substring(i + 1, end);
                    if (names.contains(name)) {
                        out.append('?');
                        order.add(name);
                    } else {
                        out.append(rendered, i, end);
                    }
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new Placeholders(out.toString(), List.copyOf(order));
        }

        int[] positions(String name) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).equals(name)) {
                    found.add(i + 1);
                }
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
