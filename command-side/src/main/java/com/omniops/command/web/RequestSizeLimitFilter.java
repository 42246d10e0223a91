package com.omniops.command.web;

import com.omniops.command.config.HttpSettings;
import com.omniops.support.web.ProblemResponses;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.settlement.importing.SettlementImportController;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies above {@code omniops.http.max-request-bytes} with 413: up front when Content-Length says so,
 * and while reading when a chunked body grows past the limit. A settlement report uploaded for import may be larger,
 * up to {@code omniops.http.max-upload-bytes} (a 100,000-line report is about 15 MB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxRequestBytes;
    private final long maxUploadBytes;

    public RequestSizeLimitFilter(HttpSettings settings) {
        this.maxRequestBytes = settings.maxRequestBytes();
        this.maxUploadBytes = settings.maxUploadBytes();
    }

    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = SettlementImportController.isUpload(request.getRequestURI())
                ? maxUploadBytes : maxRequestBytes;
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponses.write(response, ProblemResponses.problem(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes."));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0 && ++count > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = inner.read(buffer, off, len);
                        if (n > 0 && (count += n) > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
