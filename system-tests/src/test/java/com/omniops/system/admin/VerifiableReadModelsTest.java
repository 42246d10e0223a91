package com.omniops.system.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.projections.jooq.Tables;
import com.omniops.projections.support.ReadModel;
import com.omniops.query.admin.VerifiableReadModels;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TradeScenario;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every read model can be verified, and is, on a populated database: each query-side processor has exactly one
 * {@link ReadModel} declaration (found through the projectors, not listed here), every table of the query schema
 * belongs to exactly one read model, and verification (a recomputation into a scratch schema) finds every read model
 * identical to the live one after a trade that writes to all of them.
 */
class VerifiableReadModelsTest {

    /** Query-schema tables no projector owns: the hash chain is written by the tamper-evidence job. */
    private static final Set<String> NOT_A_READ_MODEL = Set.of("event_hash_chain");

    private static IsolatedApps apps;
    private static VerifiableReadModels models;

    @BeforeAll
    static void populated() {
        apps = IsolatedApps.get();
        models = apps.queryBean(VerifiableReadModels.class);
        TradeScenario.run(apps);
    }

    @Test
    void everyQuerySideProcessorHasAVerifiableReadModel() {
        Set<String> processors = apps.queryBean(EventProcessingConfiguration.class).eventProcessors().keySet();
        assertThat(processors).hasSizeGreaterThanOrEqualTo(9);
        assertThat(models.all()).extracting(ReadModel::processingGroup)
                .as("processors without a ReadModel declaration cannot be reset, rebuilt or verified")
                .containsExactlyInAnyOrderElementsOf(processors);
    }

    @Test
    void everyTableOfTheQuerySchemaBelongsToExactlyOneReadModel() {
        List<String> declared = new ArrayList<>();
        models.all().forEach(m -> m.tables().forEach(t -> declared.add(t.getName())));
        assertThat(declared).doesNotHaveDuplicates();
        List<String> generated = Arrays.stream(Tables.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Table.class.isAssignableFrom(f.getType()))
                .map(VerifiableReadModelsTest::table).map(Table::getName)
                .filter(name -> !NOT_A_READ_MODEL.contains(name))
                .toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(generated);
    }

    @Test
    void everyReadModelVerifiesIdenticalOnAPopulatedDatabase() {
        for (ReadModel model : models.all()) {
            String name = model.processingGroup();
            awaitCaughtUp(name);
            Http.Response response = Http.post(apps.queryUrl() + "/api/admin/processors/" + name + "/verify", "");
            assertThat(response.status()).as(name + ": " + response.raw().body()).isEqualTo(200);
            JsonNode verification = response.body();
            assertThat(verification.get("identical").asBoolean()).as(name + ": " + verification).isTrue();
            assertThat(verification.get("eventsReplayed").asLong()).as(name).isPositive();
            // The isolated database also holds the poison events DeadLetterAdminTest plants (orders "GHOST-..." shipped
            // but never placed): the recomputation fails on them exactly as the live processor did (the order board
            // and the books). Nothing else may.
            assertThat(verification.get("replayFailures")).as(name)
                    .allMatch(failure -> failure.asText().contains("rder GHOST-"));
            assertThat(verification.get("tables")).extracting(t -> t.get("table").asText())
                    .containsExactlyInAnyOrderElementsOf(model.tables().stream().map(Table::getName).toList());
            assertThat(verification.get("tables")).as(name + " has rows after the trade")
                    .anyMatch(t -> t.get("liveRows").asLong() > 0);
        }
    }

    private static void awaitCaughtUp(String processor) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode p = Http.get(apps.queryUrl() + "/api/admin/processors/" + processor).body();
            return !p.get("replaying").asBoolean() && p.get("lag").asLong() == 0;
        });
    }

    private static Table<?> table(Field field) {
        try {
            return (Table<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
