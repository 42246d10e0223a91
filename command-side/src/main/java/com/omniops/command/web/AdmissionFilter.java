package com.omniops.command.web;

import com.omniops.command.config.HttpSettings;
import com.omniops.support.web.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for commands ({@code omniops.http.max-concurrent-commands}, {@code admission-wait-ms}): a
 * command beyond the limit waits for its turn, and one that waited in vain is answered 503 OVERLOADED with
 * {@code Retry-After} before anything of it ran (no transaction, no lock, no event), so it may simply be sent again,
 * with the same {@code Idempotency-Key} if it had one. Reads are not limited.
 */
@Component
// After Spring Security (an unauthenticated request gets its 401, not a 503), before the idempotency filter's
// transaction: a command turned away never holds a connection.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 5)
public class AdmissionFilter extends OncePerRequestFilter {

    static final String DETAIL = "The service is busy: more commands arrived than it runs at once, and this one did "
            + "not get its turn in time. Nothing was changed. Retry after "
            + DatabaseOutage.OVERLOADED_RETRY_AFTER_SECONDS + " second.";
    private static final Set<String> COMMANDS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(AdmissionFilter.class);

    private final AdmissionGate gate;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public AdmissionFilter(HttpSettings settings) {
        this.gate = new AdmissionGate(settings.maxConcurrentCommands(), settings.admissionWaitMs());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !COMMANDS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!gate.enter()) {
            overloaded();
            ApiProblems.writeOverloaded(response, DETAIL);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            gate.leave();
        }
    }

    /** One warning per 10 s at most while commands are being turned away, with how many. */
    private void overloaded() {
        long count = refused.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogNanos.compareAndSet(last, now)) {
            log.warn("Overloaded: {} commands answered 503 OVERLOADED since start ({} waiting for their turn now)",
                    count, gate.waiting());
        }
    }
}
