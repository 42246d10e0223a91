package com.omniops.bench.kpi;

import com.omniops.bench.SubcommandArgs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * How fast the KPI API answers on a long history (issue 14, docs/benchmarks.md "KPI queries"): against a running query
 * side whose kpis (and ledger) read models hold the history, asks each query {@code --warmup} times unmeasured, then
 * {@code --runs} times one after another, and prints p50/p95/p99/max of the response time (client side, the whole
 * HTTP exchange) per query. Refuses to measure an empty read model: the year must have delivered orders.
 * Usage: {@code java -jar benchmarks/target/benchmarks-*-exec.jar kpi-latency [--warmup=50] [--runs=500]
 * [--query-url=http://127.0.0.1:8081]}.
 */
public final class KpiLatencyBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEWER = "Basic " + Base64.getEncoder()
            .encodeToString("viewer:viewer-demo".getBytes(StandardCharsets.UTF_8));

    private KpiLatencyBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        SubcommandArgs.onlyOptions(argv, "kpi-latency [--warmup=50] [--runs=500] "
                + "[--query-url=http://127.0.0.1:8081]", "--warmup", "--runs", "--query-url");
        int warmup = SubcommandArgs.option(argv, "--warmup", 50);
        int runs = SubcommandArgs.option(argv, "--runs", 500);
        String query = SubcommandArgs.text(argv, "--query-url", "http://127.0.0.1:8081");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yearAgo = today.minusDays(364);

        JsonNode year = get(query + "/api/kpis?granularity=MONTH&from=" + yearAgo + "&to=" + today);
        long delivered = 0;
        long placed = 0;
        for (JsonNode period : year.path("periods")) {
            delivered += period.path("perfectOrder").path("ordersDelivered").asLong();
            placed += period.path("fillRate").path("ordersPlaced").asLong();
        }
        if (delivered == 0) {
            throw new IllegalStateException("The kpis read model holds no delivered order in the last year: load a "
                    + "history and rebuild kpis first (docs/benchmarks.md \"KPI queries\")");
        }
        // a channel the KPIs know (a loaded history is not in the master data read model until it is rebuilt)
        String channel = get(query + "/api/kpis/orders?days=PLACED&from=" + yearAgo + "&to=" + today + "&size=1")
                .path("items").get(0).path("channelId").asText();
        System.out.printf("The last year in the kpis read model: %,d orders placed, %,d delivered. Channel for the "
                + "per-channel queries: %s.%n", placed, delivered, channel);

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("12 months, all channels", "/api/kpis?granularity=MONTH&from=" + yearAgo + "&to=" + today);
        queries.put("12 months, one channel", "/api/kpis?granularity=MONTH&channel=" + channel + "&from=" + yearAgo
                + "&to=" + today);
        queries.put("53 weeks, all channels", "/api/kpis?granularity=WEEK&from=" + yearAgo + "&to=" + today);
        queries.put("365 days, all channels", "/api/kpis?granularity=DAY&from=" + yearAgo + "&to=" + today);
        queries.put("this month, one channel", "/api/kpis?granularity=MONTH&channel=" + channel + "&from=" + today
                + "&to=" + today);
        queries.put("drill-down: not perfect, 30 days, page of 50", "/api/kpis/orders?days=DELIVERED&failed=ANY"
                + "&from=" + today.minusDays(29) + "&to=" + today + "&size=50");

        System.out.printf("%-46s %8s %8s %8s %8s %6s%n", "query (" + warmup + " unmeasured, then " + runs + ")",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "runs");
        for (var e : queries.entrySet()) {
            String url = query + e.getValue();
            for (int i = 0; i < warmup; i++) {
                get(url);
            }
            Histogram micros = new Histogram(3);
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                get(url);
                micros.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
            }
            String line = String.format("%-46s %8.1f %8.1f %8.1f %8.1f %6d", e.getKey(),
                    micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(95) / 1000.0,
                    micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0, micros.getTotalCount());
            System.out.println(line);
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", VIEWER).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

}
