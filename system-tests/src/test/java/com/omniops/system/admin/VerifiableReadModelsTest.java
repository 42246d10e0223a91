package com.omniops.system.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.projections.jooq.Tables;
import com.omniops.projections.support.ReadModel;
import com.omniops.query.admin.VerifiableReadModels;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import com.omniops.system.support.TradeScenario;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        lateOrderWithAnAlert();
    }

    /**
     * An order whose promised ship date had passed when it was placed: its ship-by deadline is due at once, so the
     * alerts read model has an alert (raised, then acknowledged) to verify.
     */
    private static void lateOrderWithAnAlert() {
        TestMerchant merchant = apps.merchant();
        String warehouse = merchant.id("LATE");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 5, "3.00");
        Map<String, Object> order = new LinkedHashMap<>(TestMerchant.order(channel, merchant.id("LATE-REF"),
                TestMerchant.line(sku, 1)));
        order.put("promisedShipDate", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString());
        Http.Response placed = Http.post(apps.commandUrl() + "/api/orders", order);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String alertId = "DELAYED_FULFILMENT~" + placed.body().path("orderId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.post(apps.commandUrl() + "/api/alerts/" + alertId
                + "/acknowledgement", Map.of("note", "verify me")).status() == 200);
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
