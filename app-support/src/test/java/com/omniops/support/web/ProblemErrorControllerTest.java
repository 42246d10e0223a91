package com.omniops.support.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
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

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(response)).containsEntry("code", "INTERNAL_ERROR").containsEntry("instance", "/api/orders");
        assertThat(json(response).toString()).doesNotContain("5432").doesNotContain("Exception");
    }

    @Test
    void containerStatusesKeepTheirStatusAndGetACode() {
        assertThat(json(controller.error(errorDispatch(404, "/x")))).containsEntry("code", "NOT_FOUND");
        assertThat(json(controller.error(errorDispatch(405, "/x")))).containsEntry("code", "METHOD_NOT_ALLOWED");
        assertThat(json(controller.error(errorDispatch(400, "/x")))).containsEntry("code", "BAD_REQUEST");
        assertThat(controller.error(errorDispatch(503, "/x")).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aDirectRequestForTheErrorPageIsNotFound() {
        assertThat(controller.error(new MockHttpServletRequest("PUT", "/error")).getStatusCode().value())
                .isEqualTo(404);
    }

    /** The body as it goes over the wire (Spring's message converters flatten a problem's properties). */
    private static Map<String, Object> json(ResponseEntity<ProblemDetail> response) {
        return new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .convertValue(response.getBody(), new TypeReference<>() {
                });
    }

    private static MockHttpServletRequest errorDispatch(int status, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
