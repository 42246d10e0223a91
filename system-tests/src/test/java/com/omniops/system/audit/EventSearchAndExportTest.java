package com.omniops.system.audit;

import static com.omniops.system.audit.AuditTestSupport.append;
import static com.omniops.system.audit.AuditTestSupport.apps;
import static com.omniops.system.audit.AuditTestSupport.items;
import static com.omniops.system.audit.AuditTestSupport.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductRegistered;
import com.omniops.system.support.Http;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/audit/events (search) and /api/audit/events/export (streamed NDJSON / CSV) with the same filters. */
class EventSearchAndExportTest {

    private static final Instant T0 = Instant.parse("2026-03-14T09:26:53Z");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String alice = "alice-" + run;
    private final String bob = "bob-" + run;

    @Test
    void searchFiltersByUserTypeAggregateAndStorageTime() {
        String chair = "CHAIR-" + run;
        String desk = "DESK-" + run;
        append("Product", chair, 0, Map.of("user", alice, "roles", "ADMIN"),
                new ProductRegistered(chair, "Chair", "EA", "STANDARD", T0),
                new ProductDiscontinued(chair, "end of line", T0));
        append("Product", desk, 0, Map.of("user", bob), new ProductRegistered(desk, "Desk", "EA", "STANDARD", T0));

        JsonNode byAlice = items(query("/api/audit/events?user=" + alice));
        assertThat(byAlice).hasSize(2);
        assertThat(byAlice.get(0).path("metadata").path("user").asText()).isEqualTo(alice);
        assertThat(byAlice.get(0).path("metadata").path("roles").asText()).isEqualTo("ADMIN");

        JsonNode registeredByAlice = items(query("/api/audit/events?user=" + alice + "&type=ProductRegistered"));
        assertThat(registeredByAlice).hasSize(1);
        assertThat(registeredByAlice.get(0).get("aggregateId").asText()).isEqualTo(chair);
        assertThat(items(query("/api/audit/events?user=" + alice
                + "&type=com.omniops.events.product.ProductDiscontinued"))).hasSize(1);
        assertThat(items(query("/api/audit/events?aggregateId=" + desk))).hasSize(1);
        assertThat(items(query("/api/audit/events?user=" + bob + "&aggregateId=" + chair))).isEmpty();

        // storage time: [from, to) around Bob's event only
        Instant bobStored = Instant.parse(items(query("/api/audit/events?user=" + bob)).get(0).get("timestamp").asText());
        JsonNode window = items(query("/api/audit/events?from=" + bobStored + "&to=" + bobStored.plusMillis(1)
                + "&aggregateId=" + desk));
        assertThat(window).hasSize(1);
        assertThat(items(query("/api/audit/events?to=" + bobStored + "&aggregateId=" + desk))).isEmpty();

        Http.Response bad = query("/api/audit/events?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void exportStreamsEveryMatchAsNdjsonOrCsv() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String sku = "LAMP-" + i + "-" + run;
            skus.add(sku);
            append("Product", sku, 0, Map.of("user", alice, "correlationId", "corr-" + i),
                    new ProductRegistered(sku, "Lamp, \"deluxe\"", "EA", "STANDARD", T0));
        }

        Http.Response ndjson = Http.get(apps().queryUrl() + "/api/audit/events/export?user=" + alice);
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        String[] lines = ndjson.raw().body().split("\n");
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 3; i++) {
            JsonNode event = json.readTree(lines[i]);
            assertThat(event.get("aggregateId").asText()).isEqualTo(skus.get(i));
            assertThat(event.path("payload").path("name").asText()).isEqualTo("Lamp, \"deluxe\"");
        }

        Http.Response csv = Http.get(apps().queryUrl() + "/api/audit/events/export?format=csv&user=" + alice
                + "&aggregateId=" + skus.get(1));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("omniops-events.csv");
        String[] rows = csv.raw().body().split("\n");
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).startsWith("globalIndex,timestamp,aggregateType,aggregateId,sequence,type");
        assertThat(rows[1]).contains(",Product," + skus.get(1) + ",0,ProductRegistered,1," + alice + ",corr-1,");
        assertThat(rows[1]).contains("\"{\"\"sku\"\":\"\"" + skus.get(1)); // JSON column quoted, quotes doubled

        Http.Response badFormat = Http.get(apps().queryUrl() + "/api/audit/events/export?format=xlsx");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.code()).isEqualTo("INVALID_PARAMETER");
    }
}
