package com.omniops.system.admin;

import com.omniops.projections.jooq.Tables;
import com.omniops.query.admin.VerifiableReadModels;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification recomputes a read model into a scratch schema holding copies of its tables; a table the projector
 * writes but the list forgets would make verification fail (or compare too little). Every table of a verifiable
 * read model's prefix must be listed.
 */
class VerifiableReadModelsTest {

    private static List<Table<?>> generatedTablesStartingWith(String prefix) {
        return Arrays.stream(Tables.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Table.class.isAssignableFrom(f.getType()))
                .map(VerifiableReadModelsTest::table)
                .filter(t -> t.getName().startsWith(prefix))
                .toList();
    }

    private static Table<?> table(Field field) {
        try {
            return (Table<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTableOfAVerifiableReadModelIsCopiedForVerification() {
        VerifiableReadModels models = new VerifiableReadModels();
        assertThat(models.find("availability").orElseThrow().tables())
                .containsExactlyInAnyOrderElementsOf(generatedTablesStartingWith("availability_"));
        assertThat(models.find("order-board").orElseThrow().tables())
                .containsExactlyInAnyOrderElementsOf(generatedTablesStartingWith("order_board_"));
        assertThat(models.find("master-data").orElseThrow().tables())
                .containsExactlyInAnyOrderElementsOf(generatedTablesStartingWith("master_"));
    }
}
