package com.omniops.system.support;

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

/**
 * A plain HTTP client for the tests: requests go over the wire, as a channel integration's would. The static methods
 * act as the demo {@code admin}; {@link #as(String)} acts as another built-in user (password "&lt;user&gt;-demo"),
 * {@link #anonymous()} as nobody.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Http ADMIN = as("admin");

    private final String authorization;

    private Http(String authorization) {
        this.authorization = authorization;
    }

    public static Http as(String user) {
        return withAuthorization("Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8)));
    }

    public static Http withAuthorization(String authorization) {
        return new Http(authorization);
    }

    public static Http anonymous() {
        return new Http(null);
    }

    public record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String code() {
            return body.path("code").asText(null);
        }
    }

    public static Response post(String url, Object body, String... headers) {
        return ADMIN.postAs(url, body, headers);
    }

    public static Response get(String url) {
        return ADMIN.getAs(url);
    }

    public Response postAs(String url, Object body, String... headers) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (headers.length > 0) {
                request.headers(headers);
            }
            authorize(request);
            return send(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/form-data upload of one file in the part {@code file}, as a browser's form would send it. */
    public Response uploadAs(String url, String fileName, byte[] content) {
        String boundary = "omniops-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, content, tail)));
        authorize(request);
        return send(request.build());
    }

    public static Response upload(String url, String fileName, byte[] content) {
        return ADMIN.uploadAs(url, fileName, content);
    }

    public Response getAs(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        authorize(request);
        return send(request.build());
    }

    /**
     * Opens an event stream (Server-Sent Events) and returns its status and headers at once, then closes it; a
     * refusal's problem body is read in full. (A plain GET would wait for a body that never ends.)
     */
    public Response openStreamAs(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream").GET();
        authorize(request);
        try {
            HttpResponse<java.io.InputStream> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (java.io.InputStream body = response.body()) {
                JsonNode node = response.statusCode() >= 400
                        ? parse(new String(body.readAllBytes(), StandardCharsets.UTF_8)) : JSON.nullNode();
                return new Response(response.statusCode(), contentType, node, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response deleteAs(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).DELETE();
        authorize(request);
        return send(request.build());
    }

    public static Response delete(String url) {
        return ADMIN.deleteAs(url);
    }

    private void authorize(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
    }

    public static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = body == null || body.isBlank() ? JSON.nullNode() : parse(body);
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), node, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
