package com.omniops.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.RawHttp;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestMerchant;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static com.omniops.system.support.TestMerchant.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input walk. It reads both OpenAPI documents at run time, enumerates every operation, and sends each class
 * of hostile input to each operation it applies to, authenticated as admin so requests reach the handlers. For every
 * answer: no 5xx; every 4xx is application/problem+json with a {@code code}; non-GET requests are refused (4xx).
 * After the whole walk the event store has not grown. A new endpoint is covered without anyone remembering to.
 * <p>
 * Each hostile class is a container of dynamic tests, one per operation, so a report names both.
 */
class BadInputWalkTest {

    /** The hostile classes sent in request bodies. */
    enum BodyClass {
        /** {@code {} this is not json}: one JSON value followed by garbage. */
        TRAILING_GARBAGE,
        /** A body that is not JSON at all. */
        NOT_JSON,
        /** A JSON array where the operation expects an object. */
        ARRAY_INSTEAD_OF_OBJECT,
        /** {@code 1e309} and {@code 12345678901234567890} in every number and integer field. */
        HUGE_NUMBERS,
        /** {@code 1.5} in every integer field. */
        FRACTIONAL_INTEGERS,
        /** {@code "20240101"}, {@code 20240101} and {@code []} in every date field. */
        BAD_BODY_DATES,
        /** A value outside the enum in every enum field. */
        UNKNOWN_ENUM_VALUES
    }

    /** The body classes the walk sends: all of them. */
    static final Set<BodyClass> ENABLED_BODY_CLASSES = EnumSet.allOf(BodyClass.class);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String USER = "admin";
    private static final String UNKNOWN_ID = "WALK-UNKNOWN-1";
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    /** Hostile path variable values, raw on the wire. */
    private static final Map<String, String> HOSTILE_IDS = hostileIds();

    private final JdbcTemplate jdbc = TestApps.commandSide().getBean(JdbcTemplate.class);
    private final Map<String, String> knownIds = new LinkedHashMap<>();

    record Operation(String app, String baseUrl, String method, String path, List<JsonNode> parameters,
                     JsonNode bodySchema, JsonNode document) {
        String name() {
            return app + " " + method + " " + path;
        }
    }

    record Probe(String method, String target, String body, String what) {
    }

    @TestFactory
    List<DynamicNode> walk() {
        setUpMerchant();
        long before = settledEventCount();
        List<Operation> operations = new ArrayList<>();
        operations.addAll(operations("command", TestApps.commandUrl()));
        operations.addAll(operations("query", TestApps.queryUrl()));
        assertThat(operations).as("operations in both OpenAPI documents").hasSizeGreaterThan(50);

        List<DynamicNode> classes = new ArrayList<>();
        classes.add(hostileClass("malformed path ids", operations, this::pathProbes));
        classes.add(hostileClass("control characters in query parameters", operations, this::controlProbes));
        classes.add(hostileClass("bad dates in date parameters", operations, this::dateParameterProbes));
        classes.add(hostileClass("wrong types in query parameters", operations, this::wrongTypeProbes));
        classes.add(hostileClass("wrong method", operations, this::wrongMethodProbes));
        classes.add(DynamicTest.dynamicTest("unknown paths and hostile URLs outside any operation",
                this::unknownPaths));
        for (BodyClass bodyClass : ENABLED_BODY_CLASSES) {
            classes.add(hostileClass("body: " + bodyClass, operations, op -> bodyProbes(op, bodyClass)));
        }
        classes.add(DynamicTest.dynamicTest("the event store is unchanged after the walk", () -> {
            List<String> written = jdbc.queryForList("SELECT payloadType || ' ' || convert_from(metaData, 'UTF8') "
                    + "FROM DomainEventEntry WHERE convert_from(metaData, 'UTF8') LIKE '%walk-%'", String.class);
            assertThat(written).as("events written by walk requests").isEmpty();
            assertThat(eventCount()).as("rows of DomainEventEntry").isEqualTo(before);
        }));
        return classes;
    }

    private DynamicContainer hostileClass(String name, List<Operation> operations,
                                          Function<Operation, List<Probe>> probes) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations) {
            List<Probe> sent = probes.apply(operation);
            if (!sent.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(operation.name(), () -> check(operation, sent)));
            }
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    private void check(Operation operation, List<Probe> probes) {
        List<String> failures = new ArrayList<>();
        for (Probe probe : probes) {
            RawHttp.Response response = RawHttp.send(operation.baseUrl(), probe.method(), probe.target(),
                    probe.body(), USER, "walk-" + REQUESTS.incrementAndGet());
            String fault = fault(probe, response);
            if (fault != null) {
                failures.add(probe.method() + " " + probe.target() + " (" + probe.what() + ")"
                        + (probe.body() == null ? "" : " body " + abbreviate(probe.body())) + ": " + fault);
            }
        }
        assertThat(failures).as(operation.name()).isEmpty();
    }

    private static String fault(Probe probe, RawHttp.Response response) {
        int status = response.status();
        if (status >= 500) {
            return status + " " + abbreviate(response.body());
        }
        if (status == 200 && everyOrderRefused(response)) {
            return null; // a batch refuses bad orders one by one: 200, each REJECTED with its 4xx problem
        }
        if (status < 400) {
            return "GET".equals(probe.method()) ? null : "accepted with " + status + ": " + abbreviate(response.body());
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return status + " as '" + response.contentType() + "': " + abbreviate(response.body());
        }
        JsonNode json = response.json();
        if (json == null || json.path("code").asText("").isBlank()) {
            return status + " problem without a code: " + abbreviate(response.body());
        }
        return null;
    }

    /** A batch answer (order intake) in which every item was rejected with a 4xx problem that has a code. */
    private static boolean everyOrderRefused(RawHttp.Response response) {
        JsonNode json = response.contentType().startsWith("application/json") ? response.json() : null;
        if (json == null || !json.path("results").isArray() || json.path("results").isEmpty()) {
            return false;
        }
        for (JsonNode result : json.path("results")) {
            int status = result.path("status").asInt();
            if (!"REJECTED".equals(result.path("outcome").asText()) || status < 400 || status >= 500
                    || result.path("problem").path("code").asText("").isBlank()) {
                return false;
            }
        }
        return true;
    }

    // ---- the hostile classes -------------------------------------------------------------------------------------

    private List<Probe> pathProbes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : op.parameters()) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            HOSTILE_IDS.forEach((what, value) -> probes.add(new Probe(op.method(),
                    target(op, Map.of(name, value), Map.of()), emptyBodyFor(op), name + " = " + what)));
        }
        return probes;
    }

    private List<Probe> controlProbes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : queryParameters(op)) {
            String name = parameter.path("name").asText();
            for (String value : List.of("A%00B", "%00", "A%01B", "A%0AB", "A%1FB", "A%7F")) {
                probes.add(new Probe(op.method(), target(op, Map.of(), Map.of(name, value)), emptyBodyFor(op),
                        name + " = " + value));
            }
        }
        return probes;
    }

    private List<Probe> dateParameterProbes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : queryParameters(op)) {
            String format = parameter.path("schema").path("format").asText("");
            if (!format.equals("date") && !format.equals("date-time")) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String value : List.of("%2B999999999-12-31", "-999999999-01-01", "9999-12-31", "0001-01-01",
                    "20240101", "2024-13-45", "2024-02-30", "%2B999999999-12-31T23:59:59Z", "yesterday", "%5B%5D")) {
                probes.add(new Probe(op.method(), target(op, Map.of(), Map.of(name, value)), emptyBodyFor(op),
                        name + " = " + value));
            }
        }
        return probes;
    }

    private List<Probe> wrongTypeProbes(Operation op) {
        List<Probe> probes = new ArrayList<>();
        for (JsonNode parameter : queryParameters(op)) {
            String type = type(parameter.path("schema"));
            if (!List.of("integer", "number", "boolean").contains(type)) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String value : List.of("abc", "1e309", "12345678901234567890", "2147483647", "-2147483648", "1.5",
                    "NaN", "Infinity", "-1", "0x10")) {
                probes.add(new Probe(op.method(), target(op, Map.of(), Map.of(name, value)), emptyBodyFor(op),
                        name + " = '" + value + "'"));
            }
        }
        return probes;
    }

    private List<Probe> wrongMethodProbes(Operation op) {
        String other = op.method().equals("GET") ? "PUT" : op.method().equals("POST") ? "PATCH" : "PUT";
        return List.of(new Probe(other, target(op, Map.of(), Map.of()), "{}", "method " + other));
    }

    private List<Probe> bodyProbes(Operation op, BodyClass bodyClass) {
        if (op.bodySchema() == null) {
            return List.of();
        }
        String target = target(op, Map.of(), Map.of());
        JsonNode valid = sample(op.document(), op.bodySchema(), "");
        List<Probe> probes = new ArrayList<>();
        switch (bodyClass) {
            case TRAILING_GARBAGE -> {
                probes.add(new Probe(op.method(), target, "{} this is not json", "trailing garbage"));
                probes.add(new Probe(op.method(), target, valid + " {}", "a second object"));
                probes.add(new Probe(op.method(), target, valid + " garbage", "valid body then garbage"));
            }
            case NOT_JSON -> {
                probes.add(new Probe(op.method(), target, "this is not json", "not JSON"));
                probes.add(new Probe(op.method(), target, "{\"a\":", "cut off"));
                probes.add(new Probe(op.method(), target, "'single quotes'", "not JSON"));
            }
            case ARRAY_INSTEAD_OF_OBJECT -> {
                probes.add(new Probe(op.method(), target, "[]", "an empty array"));
                probes.add(new Probe(op.method(), target, "[" + valid + "]", "the body inside an array"));
                probes.add(new Probe(op.method(), target, "\"a string\"", "a string"));
                probes.add(new Probe(op.method(), target, "42", "a number"));
            }
            case HUGE_NUMBERS -> mutations(op, valid, kind -> kind.equals("number") || kind.equals("integer"),
                    List.of("1e309", "-1e309", "12345678901234567890", "1e16"), probes, target);
            case FRACTIONAL_INTEGERS -> mutations(op, valid, kind -> kind.equals("integer"), List.of("1.5", "0.5"),
                    probes, target);
            case BAD_BODY_DATES -> mutations(op, valid, kind -> kind.equals("date") || kind.equals("date-time"),
                    List.of("\"20240101\"", "20240101", "[]", "\"+999999999-12-31\""), probes, target);
            case UNKNOWN_ENUM_VALUES -> mutations(op, valid, kind -> kind.equals("enum"),
                    List.of("\"NOT_A_VALUE\"", "\"\"", "7"), probes, target);
            default -> throw new IllegalStateException(bodyClass.name());
        }
        return probes;
    }

    /** One probe per field of a matching kind and hostile value, the rest of the body kept valid. */
    private void mutations(Operation op, JsonNode valid, java.util.function.Predicate<String> kinds,
                           List<String> values, List<Probe> probes, String target) {
        Map<String, String> fields = new LinkedHashMap<>();
        collectFields(op.document(), op.bodySchema(), "", fields);
        fields.forEach((path, kind) -> {
            if (!kinds.test(kind)) {
                return;
            }
            for (String value : values) {
                String marker = "\"__WALK_VALUE__\"";
                JsonNode body = valid.deepCopy();
                set(body, path, NODES.textNode("__WALK_VALUE__"));
                probes.add(new Probe(op.method(), target, body.toString().replace(marker, value),
                        path + " = " + value));
            }
        });
    }

    private void unknownPaths() {
        List<String> failures = new ArrayList<>();
        for (String base : List.of(TestApps.commandUrl(), TestApps.queryUrl())) {
            for (String target : List.of("/api/walk-nowhere", "/walk-nowhere", "/api", "/api/orders/x/walk-nowhere",
                    "/api/admin/walk-nowhere", "/api/orders/%zz", "/api/orders/%", "/api/%2e%2e/orders",
                    "/api/orders/..;/x", "/api//orders", "/api/orders/a;jsessionid=1", "/%00", "/api/%2F",
                    "/api/orders/a%u0000b")) {
                for (String method : List.of("GET", "POST", "DELETE")) {
                    Probe probe = new Probe(method, target, method.equals("POST") ? "{}" : null, "unknown");
                    RawHttp.Response response = RawHttp.send(base, method, target, probe.body(), USER,
                            "walk-" + REQUESTS.incrementAndGet());
                    String fault = response.status() < 400 ? "answered " + response.status()
                            : fault(probe, response);
                    if (fault != null) {
                        failures.add(base + " " + method + " " + target + ": " + fault);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Map<String, String> hostileIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("a space", "WALK%20ID");
        ids.put("a quote", "WALK'ID");
        ids.put("a double quote", "WALK%22ID");
        ids.put("NUL", "WALK%00ID");
        ids.put("a newline", "WALK%0AID");
        ids.put("..", "..");
        ids.put("encoded ..", "%2E%2E");
        ids.put("an encoded slash", "WALK%2FID");
        ids.put("an encoded backslash", "WALK%5CID");
        ids.put("a backslash", "WALK\\ID");
        ids.put("300 characters", "W".repeat(300));
        ids.put("a colon", "WALK:ID");
        ids.put("a semicolon", "WALK;ID");
        ids.put("percent", "WALK%25ID");
        ids.put("unicode", "WALK%C3%A9ID");
        ids.put("SQL", "WALK'%20OR%20'1'='1");
        return ids;
    }

    // ---- the documents -------------------------------------------------------------------------------------------

    private List<Operation> operations(String app, String baseUrl) {
        JsonNode document = Http.get(baseUrl + "/v3/api-docs").body();
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<JsonNode> parameters = new ArrayList<>();
            op.getValue().path("parameters").forEach(parameters::add);
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json")
                    .path("schema");
            operations.add(new Operation(app, baseUrl, op.getKey().toUpperCase(java.util.Locale.ROOT),
                    path.getKey(), parameters, body.isMissingNode() ? null : body, document));
        }));
        return operations;
    }

    private static List<JsonNode> queryParameters(Operation op) {
        return op.parameters().stream().filter(p -> "query".equals(p.path("in").asText())).toList();
    }

    /** The path with its variables filled (known ids where the merchant has them) and the given query. */
    private String target(Operation op, Map<String, String> pathValues, Map<String, String> query) {
        String path = op.path();
        for (JsonNode parameter : op.parameters()) {
            if ("path".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                String value = pathValues.containsKey(name) ? pathValues.get(name)
                        : encode(knownIds.getOrDefault(name, UNKNOWN_ID));
                path = path.replace("{" + name + "}", value);
            }
        }
        StringBuilder target = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            target.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
            separator = '&';
        }
        return target.toString();
    }

    /** For probes aimed at the URL: a body that is harmless even if the URL were wrongly accepted. */
    private static String emptyBodyFor(Operation op) {
        return op.method().equals("GET") || op.method().equals("DELETE") ? null : "{}";
    }

    private JsonNode sample(JsonNode document, JsonNode schema, String name) {
        JsonNode resolved = resolve(document, schema);
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        String type = type(resolved);
        String format = resolved.path("format").asText("");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(p ->
                        object.set(p.getKey(), sample(document, p.getValue(), p.getKey())));
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(document, resolved.path("items"), name));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(new java.math.BigDecimal("1.00"));
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                if (format.equals("date")) {
                    return NODES.textNode("2026-01-15");
                }
                if (format.equals("date-time")) {
                    return NODES.textNode("2026-01-15T10:00:00Z");
                }
                if (name.equalsIgnoreCase("currency")) {
                    return NODES.textNode("EUR");
                }
                return NODES.textNode(knownIds.getOrDefault(name, "WALK-1"));
            }
        }
    }

    /** Every leaf field of a body: path (a.b[0].c) → kind (integer, number, date, date-time, enum, other). */
    private void collectFields(JsonNode document, JsonNode schema, String prefix, Map<String, String> fields) {
        JsonNode resolved = resolve(document, schema);
        if (resolved.has("enum")) {
            fields.put(prefix, "enum");
            return;
        }
        String type = type(resolved);
        if (type.equals("object")) {
            resolved.path("properties").fields().forEachRemaining(p -> collectFields(document, p.getValue(),
                    prefix.isEmpty() ? p.getKey() : prefix + "." + p.getKey(), fields));
        } else if (type.equals("array")) {
            collectFields(document, resolved.path("items"), prefix + "[0]", fields);
        } else {
            String format = resolved.path("format").asText("");
            fields.put(prefix, type.equals("string") && (format.equals("date") || format.equals("date-time"))
                    ? format : type);
        }
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        JsonNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            String field = part.endsWith("[0]") ? part.substring(0, part.length() - 3) : part;
            if (part.endsWith("[0]")) {
                ArrayNode array = (ArrayNode) node.get(field);
                if (last) {
                    array.set(0, value);
                    return;
                }
                node = array.get(0);
            } else if (last) {
                ((ObjectNode) node).set(field, value);
            } else {
                node = node.get(field);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(document, current.path("allOf").get(0));
        }
        return current;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.elements(); it.hasNext(); ) {
                String t = it.next().asText();
                if (!t.equals("null")) {
                    return t;
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    // ---- the merchant and the event store ------------------------------------------------------------------------

    /** Real ids for the path variables (and body fields) that name things, so hostile bodies get past lookups. */
    private void setUpMerchant() {
        TestMerchant merchant = new TestMerchant();
        String warehouse = merchant.id("WH");
        String channel = merchant.channel(List.of(warehouse), "PRIORITY", true, 0);
        String sku = merchant.product(channel);
        merchant.receive(warehouse, sku, 50, "4.00");
        Http.Response placed = merchant.placeOrder(channel, line(sku, 1));
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(201);
        knownIds.put("warehouseId", warehouse);
        knownIds.put("fromWarehouseId", warehouse);
        knownIds.put("toWarehouseId", warehouse);
        knownIds.put("warehouse", warehouse);
        knownIds.put("sku", sku);
        knownIds.put("channelId", channel);
        knownIds.put("channel", channel);
        knownIds.put("orderId", placed.body().path("orderId").asText());
    }

    private long eventCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
        return n == null ? 0 : n;
    }

    /** The count once policies reacting to earlier tests (and to the merchant's setup) have stopped writing. */
    private long settledEventCount() {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> last.getAndSet(eventCount()) == last.get());
        return last.get();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", " ").replace("\r", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
