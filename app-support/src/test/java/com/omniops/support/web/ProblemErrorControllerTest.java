package com.omniops.support.web;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.sql.SQLTransientConnectionException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the container's error dispatch is a problem with a code, never exception details. */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void aFailureThatEscapedTheFilters_likeALostDatabase_isAnInternalErrorProblemWithoutDetails() {
        MockHttpServletRequest request = errorDispatch(500, "/api/orders");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException(
                new SQLTransientConnectionException("Connection to 127.0.0.1:5432 refused")));

        ResponseEntity<Map<String, Object>> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).containsEntry("code", "INTERNAL_ERROR").containsEntry("instance", "/api/orders");
        assertThat(response.getBody().toString()).doesNotContain("5432").doesNotContain("Exception");
    }

    @Test
    void containerStatusesKeepTheirStatusAndGetACode() {
        assertThat(controller.error(errorDispatch(404, "/x")).getBody()).containsEntry("code", "NOT_FOUND");
        assertThat(controller.error(errorDispatch(405, "/x")).getBody()).containsEntry("code", "METHOD_NOT_ALLOWED");
        assertThat(controller.error(errorDispatch(400, "/x")).getBody()).containsEntry("code", "BAD_REQUEST");
        assertThat(controller.error(errorDispatch(503, "/x")).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aDirectRequestForTheErrorPageIsNotFound() {
        assertThat(controller.error(new MockHttpServletRequest("PUT", "/error")).getStatusCode().value())
                .isEqualTo(404);
    }

    private static MockHttpServletRequest errorDispatch(int status, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
