package com.omniops.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both OpenAPI documents describe what the handlers are bound to: every request body schema is the record its
 * operation reads (a generated client can call it), one schema name is one class, and every operation lists its
 * problem answers.
 */
class OpenApiDocumentTest {

    @Test
    void everyRequestBodySchemaIsTheRecordItsHandlerReads() {
        List<String> wrong = new ArrayList<>();
        Map<String, Class<?>> classOfSchema = new HashMap<>();
        for (ConfigurableApplicationContext app : List.of(TestApps.commandSide(), TestApps.querySide())) {
            JsonNode document = Http.get(url(app) + "/v3/api-docs").body();
            RequestMappingHandlerMapping mapping = app.getBean("requestMappingHandlerMapping",
                    RequestMappingHandlerMapping.class);
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                MethodParameter body = bodyOf(entry.getValue());
                if (body == null || !body.getParameterType().isRecord()) {
                    continue;
                }
                for (String path : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                    for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                        JsonNode operation = document.path("paths").path(path)
                                .path(method.name().toLowerCase(Locale.ROOT));
                        String ref = operation.path("requestBody").path("content").path("application/json")
                                .path("schema").path("$ref").asText("");
                        String where = method + " " + path;
                        if (ref.isEmpty()) {
                            wrong.add(where + ": no request body schema");
                            continue;
                        }
                        String name = ref.substring(ref.lastIndexOf('/') + 1);
                        Class<?> previous = classOfSchema.putIfAbsent(name, body.getParameterType());
                        if (previous != null && previous != body.getParameterType()) {
                            wrong.add(where + ": schema " + name + " is both " + previous.getName() + " and "
                                    + body.getParameterType().getName());
                        }
                        Set<String> documented = new TreeSet<>();
                        document.at(ref.substring(1)).path("properties").fieldNames()
                                .forEachRemaining(documented::add);
                        Set<String> bound = new TreeSet<>();
                        for (RecordComponent component : body.getParameterType().getRecordComponents()) {
                            bound.add(component.getName());
                        }
                        if (!documented.equals(bound)) {
                            wrong.add(where + ": schema " + name + " has " + documented + " but "
                                    + body.getParameterType().getSimpleName() + " has " + bound);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(classOfSchema).as("request body schemas found").hasSizeGreaterThan(30);
    }

    @Test
    void theOperationsThatUsedToShowAnotherBodyShowTheirOwn() {
        JsonNode document = Http.get(TestApps.commandUrl() + "/v3/api-docs").body();
        assertThat(bodyProperties(document, "/api/products")).contains("sku", "name").doesNotContain("leadTimeMeanDays");
        assertThat(bodyProperties(document, "/api/channels")).contains("channelId", "warehouseIds");
        assertThat(bodyProperties(document, "/api/suppliers")).contains("supplierId");
        assertThat(bodyProperties(document, "/api/stock/{warehouseId}/{sku}/receipts"))
                .contains("quantity", "unitCost", "currency");
        assertThat(bodyProperties(document, "/api/purchase-orders/{id}/receipts")).contains("lines");
        assertThat(bodyProperties(document, "/api/transfers/{transferId}/receipts")).contains("receiptId");
    }

    @Test
    void everyOperationListsItsProblemAnswers() {
        List<String> missing = new ArrayList<>();
        for (String base : List.of(TestApps.commandUrl(), TestApps.queryUrl())) {
            JsonNode document = Http.get(base + "/v3/api-docs").body();
            assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("code"))
                    .isTrue();
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                for (String status : List.of("400", "401", "403", "404", "409", "422")) {
                    JsonNode content = op.getValue().path("responses").path(status).path("content")
                            .path("application/problem+json");
                    if (!content.path("schema").path("$ref").asText().endsWith("/Problem")) {
                        missing.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status);
                    }
                }
            }));
        }
        assertThat(missing).isEmpty();
    }

    private static Set<String> bodyProperties(JsonNode document, String path) {
        String ref = document.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref").asText();
        Set<String> names = new TreeSet<>();
        document.at(ref.substring(1)).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static MethodParameter bodyOf(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter;
            }
        }
        return null;
    }

    private static String url(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }
}
