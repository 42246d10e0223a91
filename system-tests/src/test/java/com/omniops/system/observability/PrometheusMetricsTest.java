package com.omniops.system.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator's Prometheus scrapes from each app (docs/operations.md, "Metrics"): the command side's commands by
 * outcome, its aggregate cache, its event store appends; both apps' processors (lag, position, errors per segment,
 * dead letters per group); health and readiness that reflect the database and the processors. Read as an admin, in
 * Prometheus's text format, as a Prometheus server would.
 */
class PrometheusMetricsTest {

    private static final Path DASHBOARD = Path.of("..", "docker", "grafana", "dashboards", "omniops.json");

    private final TestMerchant merchant = new TestMerchant();

    @Test
    void theCommandSidePublishesCommandsByOutcomeCacheLookupsAndAppends() {
        String east = merchant.id("EAST");
        String channel = merchant.channel(List.of(east), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(east, sku, 10, "5.00");
        String before = scrape(TestApps.commandUrl());
        double placedBefore = value(before, "omniops_commands_seconds_count",
                Map.of("command", "PlaceOrder", "outcome", "success")).orElse(0);
        double refusedBefore = value(before, "omniops_commands_seconds_count",
                Map.of("command", "PackOrder", "outcome", "rejected")).orElse(0);
        double hitsBefore = value(before, "omniops_aggregate_cache_gets_total", Map.of("result", "hit")).orElse(0);
        double appendsBefore = value(before, "omniops_eventstore_append_seconds_count",
                Map.of("outcome", "success")).orElse(0);

        Http.Response placed = merchant.placeOrder(channel, line(sku, 2));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        Http.Response refused = Http.as("warehouse").postAs(TestApps.commandUrl() + "/api/orders/" + orderId
                + "/packs", Map.of("warehouseId", east));
        assertThat(refused.code()).as("packing comes after picking").isEqualTo("ORDER_NOT_SHIPPABLE");

        String after = scrape(TestApps.commandUrl());
        assertThat(value(after, "omniops_commands_seconds_count", Map.of("command", "PlaceOrder", "outcome",
                "success"))).hasValue(placedBefore + 1);
        assertThat(value(after, "omniops_commands_seconds_count", Map.of("command", "PackOrder", "outcome",
                "rejected"))).hasValue(refusedBefore + 1);
        // a histogram: Prometheus computes percentiles from the buckets
        assertThat(after).contains("omniops_commands_seconds_bucket{");
        // the placement reserved on the stock item its receipt had just put into the cache; the refusal loaded the order
        assertThat(value(after, "omniops_aggregate_cache_gets_total", Map.of("result", "hit")).orElseThrow())
                .isGreaterThanOrEqualTo(hitsBefore + 2);
        assertThat(value(after, "omniops_aggregate_cache_size", Map.of())).isPresent();
        assertThat(value(after, "omniops_eventstore_append_seconds_count", Map.of("outcome", "success"))
                .orElseThrow()).isGreaterThan(appendsBefore);
        assertThat(after).contains("omniops_eventstore_append_seconds_bucket{");
        // every series says which app it comes from
        assertThat(after.lines().filter(l -> l.startsWith("omniops_")))
                .isNotEmpty().allMatch(l -> l.contains("application=\"omniops-command-side\""));
    }

    @Test
    void bothAppsPublishEachProcessorsSegmentsAndDeadLetters() {
        Map<String, String> processorOf = Map.of(TestApps.commandUrl(), "alerts", TestApps.queryUrl(), "order-board");
        processorOf.forEach((app, processor) -> await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape(app);
            assertThat(value(scrape, "omniops_processor_lag_events", Map.of("processor", processor, "segment", "0"))
                    .orElseThrow()).isGreaterThanOrEqualTo(0);
            assertThat(value(scrape, "omniops_processor_position", Map.of("processor", processor, "segment", "0"))
                    .orElseThrow()).isGreaterThan(0);
            assertThat(value(scrape, "omniops_processor_segment_error", Map.of("processor", processor, "segment",
                    "0"))).hasValue(0);
            assertThat(value(scrape, "omniops_processor_dead_letters_sequences", Map.of("processor", processor)))
                    .isPresent();
        }));
    }

    @Test
    void readinessReflectsTheDatabaseAndHealthTheProcessors() {
        Map<String, String> processorOf = Map.of(TestApps.commandUrl(), "alerts", TestApps.queryUrl(), "order-board");
        processorOf.forEach((app, processor) -> {
            JsonNode readiness = Http.as("admin").getAs(app + "/actuator/health/readiness").body();
            assertThat(readiness.path("status").asText()).isEqualTo("UP");
            assertThat(readiness.path("components").path("db").path("status").asText()).isEqualTo("UP");
            JsonNode health = Http.as("admin").getAs(app + "/actuator/health").body();
            JsonNode processors = health.path("components").path("processors");
            assertThat(processors.path("status").asText()).isEqualTo("UP");
            assertThat(processors.path("details").path(processor).path("running").asBoolean()).isTrue();
        });
    }

    @Test
    void metricsAreForOperatorsOnly() {
        for (String app : List.of(TestApps.commandUrl(), TestApps.queryUrl())) {
            assertThat(Http.as("viewer").getAs(app + "/actuator/prometheus").status()).isEqualTo(403);
            assertThat(Http.anonymous().getAs(app + "/actuator/prometheus").status()).isEqualTo(401);
        }
    }

    /**
     * The Grafana dashboard of docker/compose.yaml is not run here (no Docker engine), so this keeps it honest: every
     * series one of its queries names is one the apps publish.
     */
    @Test
    void theGrafanaDashboardQueriesOnlySeriesTheAppsPublish() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queried.addAll(seriesNames(target.path("expr").asText()));
            }
        }
        assertThat(queried).contains("omniops_commands_seconds_bucket", "omniops_processor_lag_events",
                "omniops_processor_dead_letters_sequences", "omniops_aggregate_cache_gets_total");
        // one request of each kind first, so that the HTTP meters exist on both apps
        scrape(TestApps.commandUrl());
        String published = scrape(TestApps.commandUrl()) + scrape(TestApps.queryUrl());
        Set<String> publishedNames = published.lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        assertThat(publishedNames).containsAll(queried);
    }

    /** The series a PromQL expression selects: what is left once strings, labels, ranges and functions are gone. */
    static Set<String> seriesNames(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ").replaceAll("\\b[a-z_]+\\s*\\(", " ");
        Matcher names = Pattern.compile("\\b[a-z_][a-z0-9_]*\\b").matcher(bare);
        Set<String> found = new TreeSet<>();
        while (names.find()) {
            found.add(names.group());
        }
        return found;
    }

    private static String scrape(String app) {
        Http.Response response = Http.as("admin").getAs(app + "/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return response.raw().body();
    }

    /** The value of the first series of {@code name} whose labels include {@code labels}. */
    private static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
