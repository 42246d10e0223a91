package com.omniops.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one writer of RFC 9457 problem+json for what no controller advice sees: filters, Spring Security (401, 403,
 * a rejected URL), the error page of both apps and Tomcat's own rejections before Spring runs. The codes of those
 * container-level answers are defined here too, so both apps answer them alike.
 */
public final class ProblemResponses {

    /** A URL refused before it reached a handler: encoded '/' or '\', NUL or other control characters, '..'. */
    public static final String REQUEST_REJECTED = CommonErrorCode.REQUEST_REJECTED.name();
    public static final String REJECTED_DETAIL = "The URL is not acceptable: it must not contain an encoded '/' or "
            + "'\\', a NUL or other control character, '..' or '//' segments, or malformed %-escapes.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                             String detail) throws IOException {
        write(response, status.value(), code, detail, request.getRequestURI());
    }

    /** Writes the problem as the whole response body (the response must not be committed yet). */
    public static void write(HttpServletResponse response, int status, String code, String detail, String instance)
            throws IOException {
        byte[] body = JSON.writeValueAsBytes(body(status, code, detail, instance));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static Map<String, Object> body(int status, String code, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", known == null ? "HTTP " + status : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put("code", code);
        return problem;
    }

    /** The code of an answer the container or the framework gave, when nothing more specific is known. */
    public static String codeForStatus(int status) {
        return CommonErrorCode.forStatus(status);
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
