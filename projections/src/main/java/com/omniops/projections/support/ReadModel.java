package com.omniops.projections.support;

import com.omniops.support.tx.Savepoints;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Table;

/**
 * The one declaration of a read model that the tooling works from: its processing group, the tables it owns and how
 * to build its projector over any {@link DSLContext}. The projector's {@code @ResetHandler} clears exactly these tables
 * (a rebuild), verification recomputes them in a scratch schema with a projector built here, and the tests compare the
 * declared tables with the schema. Each projector holds its declaration as a constant and exposes it through
 * {@link Declared}, so a new read model is covered everywhere by declaring it once.
 *
 * @param tables   the tables it owns, all cleared together by {@link #clear}
 * @param journals those of its tables that are logs in the order the live processor applied events (e.g. a change
 *                 feed numbered as it is written): rebuilt and cleared with the rest, but not compared row by row
 *                 with a recomputation, which applies the events in stream order (events that committed out of order
 *                 under load arrive live in commit order); the tables holding the state they lead to are compared
 */
public record ReadModel(String processingGroup, List<Table<?>> tables,
                        BiFunction<DSLContext, Savepoints, Object> projector, List<Table<?>> journals) {

    public ReadModel {
        tables = List.copyOf(tables);
        journals = List.copyOf(journals);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("read model " + processingGroup + " declares no tables");
        }
        if (!tables.containsAll(journals)) {
            throw new IllegalArgumentException("read model " + processingGroup
                    + ": a journal must be one of its tables");
        }
    }

    public static ReadModel of(String processingGroup, BiFunction<DSLContext, Savepoints, Object> projector,
                               Table<?>... tables) {
        return new ReadModel(processingGroup, List.of(tables), projector, List.of());
    }

    /** This declaration with {@code journal} (one of its tables) declared a journal (see {@code journals}). */
    public ReadModel withJournal(Table<?> journal) {
        List<Table<?>> all = new ArrayList<>(journals);
        all.add(journal);
        return new ReadModel(processingGroup, tables, projector, all);
    }

    public boolean isJournal(Table<?> table) {
        return journals.contains(table);
    }

    /**
     * Empties every table of the read model (and nothing else): what a reset before a replay must do. One TRUNCATE of
     * all of them, in the reset's transaction (rolled back with it): unlike a DELETE it leaves no dead rows behind, which
     * without autovacuum (this machine's PostgreSQL runs without it) would pile up with every rebuild and slow the next
     * ones. Queries of these tables wait for the reset's commit, a matter of milliseconds.
     */
    public void clear(DSLContext dsl) {
        dsl.query("TRUNCATE TABLE {0}", DSL.list(tables)).execute();
    }

    /** Implemented by every projector: the read model it writes. Spring finds them all as beans of this type. */
    public interface Declared {
        ReadModel readModel();
    }
}
