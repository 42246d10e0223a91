package com.omniops.system.security;

import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class HardeningTest {

    @Test
    void responsesCarrySecurityHeaders() {
        for (String base : new String[]{TestApps.commandUrl(), TestApps.queryUrl()}) {
            Http.Response response = Http.get(base + "/actuator/health");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Set-Cookie")).as("no sessions").isNull();
        }
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreForAdmins() {
        assertThat(Http.anonymous().getAs(TestApps.commandUrl() + "/actuator/health/readiness").status())
                .isEqualTo(200);
        assertThat(Http.anonymous().getAs(TestApps.commandUrl() + "/actuator/metrics").status()).isEqualTo(401);
        assertThat(Http.as("viewer").getAs(TestApps.queryUrl() + "/actuator/metrics").status()).isEqualTo(403);
        assertThat(Http.as("admin").getAs(TestApps.queryUrl() + "/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void corsIsOffByDefault() {
        Http.Response preflight = Http.send(HttpRequest.newBuilder(URI.create(TestApps.commandUrl() + "/api/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build());
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aWrongPasswordIsA401ProblemWithoutDetailsOfWhy() {
        Http.Response response = Http.withAuthorization("Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:wrong".getBytes())).postAs(TestApps.commandUrl() + "/api/channels", "{}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void openApiDescribesTheSecuritySchemes() {
        Http.Response docs = Http.anonymous().getAs(TestApps.commandUrl() + "/v3/api-docs");
        assertThat(docs.body().path("components").path("securitySchemes").has("basicAuth")).isTrue();
        assertThat(docs.body().path("components").path("securitySchemes").has("bearerAuth")).isTrue();
        assertThat(docs.body().path("security").get(0).has("basicAuth")).isTrue();
    }
}
