package com.omniops.system.sql;

import com.omniops.support.sql.StatementShape;
import com.omniops.system.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.param;

/**
 * {@link StatementShape} on a fresh PostgreSQL database, with a DSLContext wired as Spring Boot wires the apps' one
 * (a transaction-aware DataSource under a DataSourceTransactionManager).
 */
class StatementShapeTest {

    enum Kind { RETAIL, WHOLESALE }

    private static final Table<Record> ITEM = DSL.table(name("shape_item"));
    private static final Field<UUID> ID = DSL.field(name("shape_item", "id"), SQLDataType.UUID);
    private static final Field<String> SKU = DSL.field(name("shape_item", "sku"), SQLDataType.VARCHAR(40));
    private static final Field<String> KIND = DSL.field(name("shape_item", "kind"), SQLDataType.VARCHAR(20));
    private static final Field<Integer> QTY = DSL.field(name("shape_item", "qty"), SQLDataType.INTEGER);
    private static final Field<Long> SEQ = DSL.field(name("shape_item", "seq"), SQLDataType.BIGINT);
    private static final Field<BigDecimal> PRICE = DSL.field(name("shape_item", "price"), SQLDataType.NUMERIC(12, 2));
    private static final Field<LocalDate> DAY = DSL.field(name("shape_item", "day"), SQLDataType.LOCALDATE);
    private static final Field<Instant> AT = DSL.field(name("shape_item", "at"), SQLDataType.INSTANT);
    private static final Field<OffsetDateTime> SEEN = DSL.field(name("shape_item", "seen"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static DSLContext dsl;

    @BeforeAll
    static void database() {
        var dataSource = new DriverManagerDataSource(TestDatabase.create("omniops_sql_"), TestDatabase.USER,
                TestDatabase.PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        dsl = DSL.using(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(dataSource)),
                SQLDialect.POSTGRES);
        jdbc.execute("CREATE TABLE shape_item (id UUID PRIMARY KEY, sku VARCHAR(40) NOT NULL UNIQUE, kind VARCHAR(20),"
                + " qty INTEGER, seq BIGINT, price NUMERIC(12, 2), day DATE, at TIMESTAMPTZ, seen TIMESTAMPTZ)");
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE shape_item");
    }

    private static StatementShape insert() {
        return StatementShape.of(dsl, dsl.insertInto(ITEM)
                        .set(ID, param("id", ID)).set(SKU, param("sku", SKU)).set(KIND, param("kind", KIND))
                        .set(QTY, param("qty", QTY)).set(SEQ, param("seq", SEQ)).set(PRICE, param("price", PRICE))
                        .set(DAY, param("day", DAY)).set(AT, param("at", AT)).set(SEEN, param("seen", SEEN)),
                "id", "sku", "kind", "qty", "seq", "price", "day", "at", "seen");
    }

    @Test
    void writesEveryBoundTypeAndNullsAsTheyWereGiven() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
        OffsetDateTime seen = OffsetDateTime.parse("2026-03-01T12:00:00+02:00");

        int written = insert().execute(id, "SKU-1", Kind.WHOLESALE, 7, 9_000_000_000L, new BigDecimal("12.50"),
                LocalDate.of(2026, 3, 1), at, seen);
        insert().execute(UUID.randomUUID(), "SKU-2", null, null, null, null, null, null, null);

        assertThat(written).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM shape_item WHERE sku = 'SKU-1'");
        assertThat(row.get("id")).isEqualTo(id);
        assertThat(row.get("kind")).isEqualTo("WHOLESALE");
        assertThat(row.get("qty")).isEqualTo(7);
        assertThat(row.get("seq")).isEqualTo(9_000_000_000L);
        assertThat(row.get("price")).isEqualTo(new BigDecimal("12.50"));
        assertThat(row.get("day")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 3, 1)));
        assertThat(((Timestamp) row.get("at")).toInstant()).isEqualTo(at);
        assertThat(((Timestamp) row.get("seen")).toInstant()).isEqualTo(seen.toInstant());
        Map<String, Object> nulls = jdbc.queryForMap("SELECT * FROM shape_item WHERE sku = 'SKU-2'");
        assertThat(nulls).containsEntry("kind", null).containsEntry("qty", null).containsEntry("seq", null)
                .containsEntry("price", null).containsEntry("day", null).containsEntry("at", null)
                .containsEntry("seen", null);
    }

    @Test
    void aBatchWritesEveryRowInOneGoAndCountsEach() {
        var upsert = StatementShape.of(dsl, dsl.insertInto(ITEM)
                .set(ID, param("id", ID)).set(SKU, param("sku", SKU)).set(QTY, param("qty", QTY))
                .onConflict(SKU).doUpdate().set(QTY, QTY.plus(excluded(QTY)))
                .where(QTY.lt(inline(100))), "id", "sku", "qty");

        int[] first = upsert.executeBatch(List.of(new Object[]{UUID.randomUUID(), "A", 1},
                new Object[]{UUID.randomUUID(), "B", 2}, new Object[]{UUID.randomUUID(), "C", 200}));
        int[] second = upsert.executeBatch(List.of(new Object[]{UUID.randomUUID(), "A", 10},
                new Object[]{UUID.randomUUID(), "C", 1}));

        assertThat(first).containsExactly(1, 1, 1);
        assertThat(second).containsExactly(1, 0); // C is at 200: the conflict's WHERE keeps it
        assertThat(jdbc.queryForList("SELECT sku || '=' || qty FROM shape_item ORDER BY sku", String.class))
                .containsExactly("A=11", "B=2", "C=200");
        assertThat(upsert.executeBatch(List.of())).isEmpty();
    }

    @Test
    void runsOnTheTransactionsConnectionSoARollbackRemovesItsRows() {
        var shape = insert();

        tx.executeWithoutResult(status -> {
            shape.execute(UUID.randomUUID(), "ROLLED-BACK", null, 1, null, null, null, null, null);
            shape.executeBatch(List.<Object[]>of(new Object[]{UUID.randomUUID(), "ROLLED-BACK-2", null, 2, null, null,
                    null, null, null}));
            // visible to the transaction (same connection) before it ends
            assertThat(jdbc.queryForObject("SELECT count(*) FROM shape_item", Integer.class)).isEqualTo(2);
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM shape_item", Integer.class)).isZero();
    }

    @Test
    void aUniqueViolationSurfacesAsSpringsDuplicateKeyException() {
        var shape = insert();
        shape.execute(UUID.randomUUID(), "TWICE", null, null, null, null, null, null, null);

        assertThatThrownBy(() -> shape.execute(UUID.randomUUID(), "TWICE", null, null, null, null, null, null, null))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> shape.executeBatch(List.<Object[]>of(
                new Object[]{UUID.randomUUID(), "TWICE", null, null, null, null, null, null, null})))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aSelectReadsTypedRecordsWithANameUsedTwiceAndConstantsInlined() {
        var shape = insert();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        shape.execute(UUID.randomUUID(), "X-1", "RETAIL", 5, null, new BigDecimal("1.10"), null, at, null);
        shape.execute(UUID.randomUUID(), "X-2", "WHOLESALE", 5, null, null, null, null, null);
        var select = StatementShape.of(dsl, dsl.select(SKU, PRICE, AT).from(ITEM)
                .where(SKU.eq(param("sku", SKU)).or(KIND.eq(param("sku", SKU))))
                .and(QTY.eq(5)).and(KIND.ne("it's not a :sku")), "sku");

        Record row = select.fetchOptional("X-1").orElseThrow();

        assertThat(select.sql()).contains("'it''s not a :sku'").containsOnlyOnce("5");
        assertThat(row.get(SKU)).isEqualTo("X-1");
        assertThat(row.get(PRICE)).isEqualByComparingTo("1.10");
        assertThat(row.get(AT)).isEqualTo(at);
        assertThat(select.fetch("WHOLESALE")).extracting(r -> r.get(SKU)).containsExactly("X-2");
        assertThat(select.fetchOptional("nothing")).isEmpty();
    }

    @Test
    void anArrayValueStandsForAnInListOfAnyLength() {
        var shape = insert();
        for (String sku : List.of("A-1", "A-2", "A-3")) {
            shape.execute(UUID.randomUUID(), sku, null, null, null, null, null, null, null);
        }
        var select = StatementShape.of(dsl, dsl.select(SKU).from(ITEM)
                .where(SKU.eq(DSL.any(param("skus", String[].class)))).orderBy(SKU), "skus");

        assertThat(select.fetch((Object) new String[]{"A-3", "A-1", "B"}).getValues(SKU)).containsExactly("A-1", "A-3");
        assertThat(select.fetch((Object) new String[0])).isEmpty();
    }

    @Test
    void valuesThatDoNotNameTheParamsAreRefusedAtOnce() {
        var query = dsl.update(ITEM).set(QTY, param("qty", QTY)).where(SKU.eq(param("sku", SKU)));

        assertThatThrownBy(() -> StatementShape.of(dsl, query, "qty")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementShape.of(dsl, query, "qty", "skew"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementShape.of(dsl, query, "qty", "sku").execute(1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
