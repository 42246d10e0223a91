package com.omniops.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The two apps' REST APIs as the generator uses them: HTTP/1.1 with keep-alive (what a channel integration sends),
 * HTTP Basic as one user (the apps remember a verified password for a few minutes, so bcrypt does not run per call).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String commandUrl;
    private final String queryUrl;
    private final String authorization;

    Api(Options options) {
        // Virtual threads complete the async exchanges, so the generator is never short of threads to read responses.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        commandUrl = options.commandUrl();
        queryUrl = options.queryUrl();
        authorization = "Basic " + Base64.getEncoder().encodeToString((options.user() + ":" + options.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** POST to the command side; {@code idempotent} adds a fresh Idempotency-Key. */
    CompletableFuture<HttpResponse<String>> postAsync(String path, Object body, boolean idempotent) {
        return http.sendAsync(request(path, body, idempotent), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Object body, boolean idempotent) throws IOException, InterruptedException {
        return http.send(request(path, body, idempotent), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getQuery(String pathAndQuery) throws IOException, InterruptedException {
        return get(queryUrl + pathAndQuery);
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String commandUrl() {
        return commandUrl;
    }

    String queryUrl() {
        return queryUrl;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }

    private HttpRequest request(String path, Object body, boolean idempotent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", authorization);
        if (idempotent) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            return request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
