package com.omniops.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omniops.command.CommandSideApplication;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command API's request examples are requests a client can send: every request body of the command OpenAPI
 * document composes an example from its properties' examples, every property says what it means, and each example,
 * sent as admin, passes validation (404, 409 or 422 because the example's ids do not exist are fine; 400 is not).
 * The examples run against a command side on a database of its own: they register the demo merchant's channels,
 * products and suppliers, which must not leak into the suites sharing {@code TestApps}.
 */
class OpenApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Path variables with the demo merchant's ids; any other id is one the fresh database does not know. */
    /** Path variables that must parse (a number); any other id may name nothing (404 is a valid answer here). */
    private static final Map<String, String> PATH_EXAMPLES = Map.of("warehouseId", "WH-NORTH", "sku", "HG-0001",
            "rowNo", "0", "period", "2026-01");

    private static final List<String> FIRST_USE = List.of("POST /api/channels", "POST /api/products",
            "POST /api/suppliers", "POST /api/products/{sku}/listings", "POST /api/stock/{warehouseId}/{sku}/receipts",
            "POST /api/orders");

    private static ConfigurableApplicationContext commandSide;
    private static String url;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        commandSide = CommandSideApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.create("omniops_test_examples_"),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.main.banner-mode=off",
                "--spring.application.name=command-side-examples-test");
        url = "http://localhost:" + commandSide.getEnvironment().getProperty("local.server.port");
        document = Http.get(url + "/v3/api-docs").body();
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void everyRequestBodyHasAnExampleWithEveryRequiredField() {
        List<String> missing = new ArrayList<>();
        Map<String, JsonNode> bodies = requestBodies();
        bodies.forEach((operation, schema) -> {
            JsonNode example = example(schema);
            if (example == null || example.isEmpty()) {
                missing.add(operation + ": no example");
                return;
            }
            missing.addAll(missingRequired(operation, schema, example));
        });
        assertThat(missing).isEmpty();
        assertThat(bodies).as("command API operations with a request body").hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void everyPropertyOfEveryRequestSchemaHasADescription() {
        Set<String> undescribed = new TreeSet<>();
        Set<String> schemas = new TreeSet<>();
        requestBodies().values().forEach(schema -> collectSchemas(schema, schemas));
        for (String name : schemas) {
            document.path("components").path("schemas").path(name).path("properties").fields()
                    .forEachRemaining(property -> {
                        if (property.getValue().path("description").asText("").isBlank()) {
                            undescribed.add(name + "." + property.getKey());
                        }
                    });
        }
        assertThat(undescribed).isEmpty();
        assertThat(schemas).as("request schemas, nested ones included").hasSizeGreaterThan(40);
    }

    @Test
    void everyExampleIsAValidRequest() {
        List<String> refused = new ArrayList<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Map<String, JsonNode> bodies = new TreeMap<>(Comparator.<String>comparingInt(OpenApiExamplesTest::firstUse)
                .thenComparing(Comparator.naturalOrder()));
        bodies.putAll(requestBodies());
        bodies.forEach((operation, schema) -> {
            String path = operation.substring("POST ".length());
            Matcher variable = PATH_VARIABLE.matcher(path);
            StringBuilder target = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(target, PATH_EXAMPLES.getOrDefault(variable.group(1), "EX-404"));
            }
            variable.appendTail(target);
            JsonNode example = example(schema);
            Http.Response response = Http.post(url + target, example == null ? "{}" : example);
            statuses.put(operation, response.status());
            if (response.status() == 400 || response.status() >= 500) {
                refused.add(operation + " " + example + " -> " + response.status() + " " + response.code() + ": "
                        + response.body().path("detail").asText());
            }
        });
        assertThat(refused).isEmpty();
        // sent in the order of first use, the examples build on each other and are carried out, not only parsed
        assertThat(statuses).containsEntry("POST /api/channels", 201).containsEntry("POST /api/products", 201)
                .containsEntry("POST /api/suppliers", 201).containsEntry("POST /api/products/{sku}/listings", 201)
                .containsEntry("POST /api/stock/{warehouseId}/{sku}/receipts", 201)
                .containsEntry("POST /api/orders", 201);
    }

    /** The order a client first uses the operations in: master data, then stock, then orders; retiring last. */
    private static int firstUse(String operation) {
        if (operation.endsWith("/discontinue")) {
            return FIRST_USE.size() + 1;
        }
        int rank = FIRST_USE.indexOf(operation);
        return rank < 0 ? FIRST_USE.size() : rank;
    }

    /** "POST path" to the request body schema of each command operation that reads a JSON body. */
    private static Map<String, JsonNode> requestBodies() {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode schema = path.getValue().path("post").path("requestBody").path("content")
                    .path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                bodies.put("POST " + path.getKey(), schema);
            }
        });
        return bodies;
    }

    /** The body a client builds from the schema: each property's example, nested objects and lists composed. */
    private static JsonNode example(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example")) {
            JsonNode example = resolved.get("example");
            // an array's example is written as JSON text in the annotation
            return "array".equals(resolved.path("type").asText()) && example.isTextual() ? parse(example.asText())
                    : example;
        }
        if (resolved.has("properties")) {
            ObjectNode body = JSON.createObjectNode();
            resolved.get("properties").fields().forEachRemaining(property -> {
                JsonNode value = example(property.getValue());
                if (value != null) {
                    body.set(property.getKey(), value);
                }
            });
            return body;
        }
        if ("array".equals(resolved.path("type").asText())) {
            JsonNode item = example(resolved.path("items"));
            if (item == null) {
                return null;
            }
            ArrayNode list = JSON.createArrayNode();
            list.add(item);
            return list;
        }
        return null;
    }

    private static List<String> missingRequired(String where, JsonNode schema, JsonNode example) {
        List<String> missing = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        resolved.path("required").forEach(name -> {
            if (!example.has(name.asText())) {
                missing.add(where + ": example lacks required " + name.asText());
            }
        });
        resolved.path("properties").fields().forEachRemaining(property -> {
            JsonNode value = example.path(property.getKey());
            JsonNode type = resolve(property.getValue());
            if (value.isObject()) {
                missing.addAll(missingRequired(where + "." + property.getKey(), type, value));
            } else if (value.isArray() && type.has("items")) {
                value.forEach(item -> {
                    if (item.isObject()) {
                        missing.addAll(missingRequired(where + "." + property.getKey() + "[]", type.get("items"),
                                item));
                    }
                });
            }
        });
        return missing;
    }

    private static void collectSchemas(JsonNode schema, Set<String> names) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            if (!names.add(ref.substring(ref.lastIndexOf('/') + 1))) {
                return;
            }
        }
        JsonNode resolved = resolve(schema);
        resolved.path("properties").forEach(property -> collectSchemas(property, names));
        if (resolved.has("items")) {
            collectSchemas(resolved.get("items"), names);
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
