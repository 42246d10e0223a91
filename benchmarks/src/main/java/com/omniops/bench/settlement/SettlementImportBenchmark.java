package com.omniops.bench.settlement;

import com.omniops.bench.SubcommandArgs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * How fast a marketplace settlement report imports end to end (issue 13, docs/benchmarks.md "Settlement import"):
 * against running apps (./run.sh), writes a V2 file of {@code --rows} amount lines (the mix of
 * {@link SettlementFileBenchmark}) with a new settlement id per run, uploads it to
 * {@code POST /api/settlements/marketplace-reports} as finance, and measures (a) the upload until the command side
 * answers 201 (the file read twice, every row recorded in chunks, the settlement completed) and (b) until the query
 * side shows it IMPORTED with every row. {@code --warmup} runs unmeasured, {@code --runs} measured; prints rows/s per
 * run and their median. Each run's answer must say 201, the row count and no exception, or the benchmark fails.
 * Usage: {@code java -jar benchmarks/target/benchmarks-*-exec.jar settlement-import [--rows=100000] [--warmup=1]
 * [--runs=3] [--command-url=http://127.0.0.1:8080] [--query-url=http://127.0.0.1:8081] [--channel=MKT-AMAZON]}.
 */
public final class SettlementImportBenchmark {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINANCE = "Basic " + Base64.getEncoder()
            .encodeToString("finance:finance-demo".getBytes(StandardCharsets.UTF_8));

    private SettlementImportBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        SubcommandArgs.onlyOptions(argv, "settlement-import [--rows=100000] [--warmup=1] [--runs=3] "
                + "[--command-url=http://127.0.0.1:8080] [--query-url=http://127.0.0.1:8081] [--channel=MKT-AMAZON]",
                "--rows", "--warmup", "--runs", "--command-url", "--query-url", "--channel");
        int rows = SubcommandArgs.option(argv, "--rows", 100_000);
        int warmup = SubcommandArgs.option(argv, "--warmup", 1);
        int runs = SubcommandArgs.option(argv, "--runs", 3);
        String command = SubcommandArgs.text(argv, "--command-url", "http://127.0.0.1:8080");
        String query = SubcommandArgs.text(argv, "--query-url", "http://127.0.0.1:8081");
        String channel = SubcommandArgs.text(argv, "--channel", "MKT-AMAZON");
        System.out.printf("Settlement import: %,d amount lines per report to %s (channel %s); %d warm-up runs, %d "
                + "measured%n", rows, command, channel, warmup, runs);
        List<Double> uploads = new ArrayList<>();
        List<Double> visible = new ArrayList<>();
        for (int run = 1; run <= warmup + runs; run++) {
            String id = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
            Path file = Files.createTempFile("settlement-", ".txt");
            try {
                BigDecimal total = SettlementFileBenchmark.write(file, rows, id);
                long start = System.nanoTime();
                HttpResponse<String> answer = upload(command + "/api/settlements/marketplace-reports?channelId="
                        + channel, file);
                double uploadSeconds = (System.nanoTime() - start) / 1e9;
                JsonNode body = JSON.readTree(answer.body());
                if (answer.statusCode() != 201 || body.path("rowCount").asLong() != rows
                        || body.path("exception").asBoolean() || body.path("total").decimalValue().compareTo(total) != 0) {
                    throw new IllegalStateException("run " + run + ": HTTP " + answer.statusCode() + " " + answer.body());
                }
                String settlementId = body.path("settlementId").asText();
                while (!imported(query, settlementId, rows)) {
                    Thread.sleep(50);
                    if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                        throw new IllegalStateException("run " + run + ": the query side did not show " + settlementId);
                    }
                }
                double visibleSeconds = (System.nanoTime() - start) / 1e9;
                boolean measured = run > warmup;
                if (measured) {
                    uploads.add(rows / uploadSeconds);
                    visible.add(rows / visibleSeconds);
                }
                System.out.printf("  run %d %s import %,8.0f rows/s (%.2f s)   visible on the query side %,8.0f rows/s "
                        + "(%.2f s)%n", run, measured ? "measured" : "warm-up ", rows / uploadSeconds, uploadSeconds,
                        rows / visibleSeconds, visibleSeconds);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        System.out.printf("import rows/s                  median %,.0f  min %,.0f  max %,.0f%n", median(uploads),
                min(uploads), max(uploads));
        System.out.printf("visible on the query side      median %,.0f  min %,.0f  max %,.0f%n", median(visible),
                min(visible), max(visible));
    }

    private static HttpResponse<String> upload(String url, Path file) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", FINANCE)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean imported(String query, String settlementId, int rows) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(query + "/api/settlements/"
                + settlementId)).header("Authorization", FINANCE).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return false;
        }
        JsonNode body = JSON.readTree(answer.body());
        return body.path("status").asText().equals("IMPORTED") && body.path("rowsRecorded").asLong() == rows;
    }


    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
