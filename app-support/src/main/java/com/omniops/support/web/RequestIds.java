package com.omniops.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (or keeps a well-formed {@code X-Request-Id} from the caller) and a correlation id
 * ({@code X-Correlation-Id} from the caller, else the request id). Both go to the log context, to the response
 * headers, and — through the command metadata — into every event the request causes.
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = sane(request.getHeader("X-Request-Id"), UUID.randomUUID().toString());
        String correlationId = sane(request.getHeader("X-Correlation-Id"), requestId);
        MDC.put(REQUEST_ID, requestId);
        MDC.put(CORRELATION_ID, correlationId);
        response.setHeader("X-Request-Id", requestId);
        response.setHeader("X-Correlation-Id", correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(CORRELATION_ID);
        }
    }

    private static String sane(String value, String fallback) {
        return value != null && SANE.matcher(value).matches() ? value : fallback;
    }
}
