package com.omniops.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The one builder and writer of RFC 9457 problem+json in both apps: every problem body is made by
 * {@link #problem(int, String, String)} (type, title, status, detail, the stable {@code code}), whether the controller
 * advice of either app returns it through Spring MVC ({@link #respond}) or a filter, Spring Security (401, 403, a
 * rejected URL), the error page or Tomcat's own rejections before Spring runs write it to the response
 * ({@link #write}). The codes of those container-level answers are {@link CommonErrorCode}.
 */
public final class ProblemResponses {

    /** A URL refused before it reached a handler: encoded '/' or '\', NUL or other control characters, '..'. */
    public static final String REQUEST_REJECTED = CommonErrorCode.REQUEST_REJECTED.name();
    public static final String REJECTED_DETAIL = "The URL is not acceptable: it must not contain an encoded '/' or "
            + "'\\', a NUL or other control character, '..' or '//' segments, or malformed %-escapes.";

    /** Serializes a problem outside Spring MVC exactly as its message converters do (properties at the top level). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private ProblemResponses() {
    }

    /** The problem body: every problem either app sends is built here. */
    public static ProblemDetail problem(int status, String code, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "HTTP " + status : known.getReasonPhrase());
        problem.setDetail(detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** The problem of a code of either app's vocabulary, sent with that code's status. */
    public static ProblemDetail problem(ErrorCode code, String detail) {
        return problem(code.httpStatus(), code.name(), detail);
    }

    /** A controller's or an advice's answer: the problem with its status, as problem+json. */
    public static <T> ResponseEntity<T> respond(ProblemDetail problem) {
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                             String detail) throws IOException {
        write(response, status.value(), code, detail, request.getRequestURI());
    }

    /** Writes the problem as the whole response body (the response must not be committed yet). */
    public static void write(HttpServletResponse response, int status, String code, String detail, String instance)
            throws IOException {
        write(response, withInstance(problem(status, code, detail), instance));
    }

    /**
     * Names the request the problem is about. The raw request URI of a refused request need not be a valid URI (a
     * malformed %-escape is a reason to refuse it), so such a one is kept as the text it was.
     */
    public static ProblemDetail withInstance(ProblemDetail problem, String instance) {
        if (instance != null) {
            try {
                problem.setInstance(URI.create(instance));
            } catch (IllegalArgumentException notAUri) {
                problem.setProperty("instance", instance);
            }
        }
        return problem;
    }

    /** Writes {@code problem} as the whole response body, with its status (the response must not be committed). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A detail that never leaks internals: the reason phrase for 4xx, a generic sentence for 5xx. */
    public static String detailForStatus(int status) {
        if (status >= 500) {
            return "The request could not be completed because of an internal error; nothing was changed. Retry "
                    + "later or contact support.";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "The request could not be accepted." : known.getReasonPhrase() + ".";
    }
}
