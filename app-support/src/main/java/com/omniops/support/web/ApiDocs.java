package com.omniops.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What both apps' OpenAPI documents share: unique schema names and the problem responses of every operation.
 */
public final class ApiDocs {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** The error answers every operation can give; each is an RFC 9457 problem with a stable code. */
    public static final Map<String, String> PROBLEM_RESPONSES;

    static {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("400", "Bad input (VALIDATION_FAILED, MALFORMED_REQUEST, INVALID_PARAMETER, REQUEST_REJECTED); "
                + "nothing was changed");
        responses.put("401", "UNAUTHENTICATED: no or wrong credentials");
        responses.put("403", "FORBIDDEN, CHANNEL_NOT_ALLOWED: the user's roles do not allow this request");
        responses.put("404", "The resource (or the endpoint) does not exist");
        responses.put("409", "The resource's state does not allow this request (now)");
        responses.put("422", "A business rule refuses the request");
        responses.put("500", "INTERNAL_ERROR: nothing was changed; retry later");
        PROBLEM_RESPONSES = Map.copyOf(responses);
    }

    private ApiDocs() {
    }

    /**
     * Names schemas after the class that encloses them: controllers keep their request and response records nested
     * ({@code ProductController.RegisterRequest}, {@code SupplierController.RegisterRequest}), and swagger's simple
     * names made them one schema, so the document showed one operation's body for another's. A nested class is named
     * {@code <Outer without "Controller"><Simple>}: ProductRegisterRequest, SupplierRegisterRequest.
     */
    public static final class EnclosingClassNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = super.getNameOfClass(cls);
            if (cls.getEnclosingClass() == null || getUseFqn()) {
                return name;
            }
            return prefixOf(cls.getEnclosingClass()) + cls.getSimpleName();
        }

        private static String prefixOf(Class<?> outer) {
            String prefix = outer.getEnclosingClass() == null ? "" : prefixOf(outer.getEnclosingClass());
            return prefix + outer.getSimpleName().replaceFirst("Controller$", "");
        }
    }

    public static ModelResolver modelResolver(ObjectMapper mapper) {
        return new ModelResolver(mapper, new EnclosingClassNames());
    }

    /** The problem schema, once per document. */
    public static void addProblemSchema(OpenAPI openApi) {
        Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; `code` is stable and names the error for programs")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Parameter 'sku' must be an id of 1-200 letters, "
                        + "digits, '.', '_', ':', '~' or '-', starting with a letter or digit."))
                .addProperty("instance", new StringSchema().example("/api/stock/WH-1/SKU%201/receipts"))
                .addProperty("code", new StringSchema().example("VALIDATION_FAILED"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("quantity"))
                        .addProperty("message", new StringSchema().example("must be greater than 0")))
                        .description("per field or parameter, when the input had several faults"));
        problem.addRequiredItem("status");
        problem.addRequiredItem("code");
        components.addSchemas(PROBLEM_SCHEMA, problem);
        openApi.setComponents(components);
    }

    /** Every 4xx (and 500) of an operation answers the problem schema; declared descriptions are kept. */
    public static Operation addProblemResponses(Operation operation) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        PROBLEM_RESPONSES.forEach((status, description) -> {
            ApiResponse response = responses.get(status);
            if (response == null) {
                response = new ApiResponse().description(description);
                responses.addApiResponse(status, response);
            }
            response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        });
        operation.setResponses(responses);
        return operation;
    }
}
