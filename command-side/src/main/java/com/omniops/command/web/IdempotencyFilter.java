package com.omniops.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.command.rule.ErrorCode;
import com.omniops.support.security.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on any POST: the same key with the same request (method, path, body) replays the first
 * response; the same key with a different request is refused with 422. A key whose request is still running answers
 * 409. Server errors (5xx) are not remembered, so a retry after a fault runs again.
 */
@Component
// After Spring Security: keys belong to the authenticated caller, and a 401 is never remembered as an answer.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            reject(response, ErrorCode.VALIDATION_FAILED,
                    "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            if (RequestSizeLimitFilter.isTooLarge(e)) {
                reject(response, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than allowed.");
                return;
            }
            throw e;
        }
        String hash = hash(request, body);
        // Scoped per caller, so one user's key can never replay another user's response.
        key = Actor.current().map(Actor::name).orElse("anonymous") + "/" + key;
        Optional<IdempotencyStore.Entry> earlier = store.claim(key, hash) ? Optional.empty() : store.find(key);
        if (earlier.isPresent()) {
            answerFromEarlier(earlier.get(), hash, key, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
        } catch (ServletException | IOException | RuntimeException e) {
            store.forget(key);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            store.forget(key);
        } else {
            store.complete(key, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray());
        }
        recorded.copyBodyToResponse();
    }

    private void answerFromEarlier(IdempotencyStore.Entry earlier, String hash, String key,
                                   HttpServletResponse response) throws IOException {
        if (!earlier.requestHash().equals(hash)) {
            reject(response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request.");
        } else if (!earlier.completed()) {
            reject(response, ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        } else {
            log.info("Replaying the stored response for Idempotency-Key {}", key);
            response.setStatus(earlier.statusCode());
            if (earlier.contentType() != null) {
                response.setContentType(earlier.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            if (earlier.body() != null) {
                response.getOutputStream().write(earlier.body());
            }
        }
    }

    private void reject(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), ApiProblems.problem(code, detail));
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
