package com.omniops.command.web;

import com.omniops.support.web.ProblemResponses;
import com.omniops.command.config.RequestCommandGateway;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.order.intake.OrderIntakeController;
import com.omniops.command.settlement.importing.SettlementImportController;
import com.omniops.support.security.Actor;
import com.omniops.support.web.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
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
 * response; the same key with a different request is refused with 422. A twin request sent while the first still
 * runs waits for it and then replays its response. Server errors (5xx) are not remembered, so a retry runs again.
 * <p>
 * The request runs in one Axon unit of work and one database transaction opened here: the claim, the command (its
 * unit of work nests in this one, so its events are appended and its aggregate locks released only when this one
 * commits) and the stored response commit together. A request cut off by a crash or a database restart therefore
 * leaves either everything (a retry replays the response) or nothing (a retry runs the command); see
 * docs/architecture.md, "Idempotency keys commit with the command".
 */
@Component
// After Spring Security: keys belong to the authenticated caller, and a 401 is never remembered as an answer.
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final PlatformTransactionManager transactionManager;

    public IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.transactionManager = transactionManager;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // A report import is idempotent by the report's own id, and records its rows in many transactions, which
        // one request-wide transaction would undo (docs/settlements.md "Importing"); so is a connector's batch of
        // orders, by the marketplace's order ids, each placed in a transaction of its own (docs/channels.md).
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || SettlementImportController.isUpload(request.getRequestURI())
                || OrderIntakeController.isBatch(request.getRequestURI());
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

        RequestTransaction transaction = new RequestTransaction(transactionManager);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(key));
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            unitOfWork.attachTransaction(transaction);
            Optional<IdempotencyStore.Entry> earlier = store.claimOrFind(key, hash);
            if (earlier.isPresent()) {
                unitOfWork.commit();
                answerFromEarlier(earlier.get(), hash, key, response);
                return;
            }
            // The command's SQL and a failed command's aborted statements are undone back to here, so a refusal
            // can still be stored under the claim in the same transaction. That needs the transaction to outlive a
            // failed command's nested unit of work: only Spring may end it (AxonConfiguration#connectionProvider).
            Object beforeCommand = transaction.status().createSavepoint();
            chain.doFilter(new CachedBodyRequest(request, body), recorded);
            int status = recorded.getStatus();
            if (remembered(status, unitOfWork)) {
                if (status >= 400) {
                    transaction.status().rollbackToSavepoint(beforeCommand);
                }
                store.complete(key, status, recorded.getContentType(), recorded.getContentAsByteArray());
                unitOfWork.commit(); // the command's events, the claim and the response: one commit
            } else {
                unitOfWork.rollback(); // nothing of the request stays; the key is free for a retry
            }
        } catch (RuntimeException | Error | ServletException | IOException e) {
            rollBackQuietly(unitOfWork, e);
            if (response.isCommitted()) {
                throw e;
            }
            if (DatabaseOutage.isOverload(e)) {
                log.warn("Overloaded during the request under Idempotency-Key {}: {}", key, e.toString());
                ApiProblems.writeOverloaded(response, DatabaseOutage.OVERLOADED_DETAIL);
                return;
            }
            if (DatabaseOutage.isCause(e)) {
                log.warn("Database unavailable for the request under Idempotency-Key {}: {}", key, e.toString());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
                reject(response, ErrorCode.DATABASE_UNAVAILABLE, DatabaseOutage.DETAIL);
                return;
            }
            if (e instanceof ConcurrencyException) {
                // Another node appended to the same aggregate first; nothing was stored, so a retry runs again.
                reject(response, ErrorCode.CONCURRENT_MODIFICATION,
                        "Another change to the same records won the race; retry the request.");
                return;
            }
            // e.g. the commit itself failed: rolled back, nothing stored, answered like any unexpected fault
            log.error("Unexpected failure of the request under Idempotency-Key {}", key, e);
            reject(response, ErrorCode.INTERNAL_ERROR,
                    "The request could not be completed; nothing was changed. Retry later or contact support.");
            return;
        } finally {
            if (unitOfWork.isActive()) {
                rollBackQuietly(unitOfWork, null);
            }
        }
        recorded.copyBodyToResponse();
    }

    /**
     * 2xx and 4xx answers are stored. A 4xx is not stored when a command of the request had already completed (its
     * events would otherwise commit under a refusal): the request is undone instead. 5xx are never stored.
     */
    private static boolean remembered(int status, UnitOfWork<?> unitOfWork) {
        if (status >= 500) {
            return false;
        }
        return status < 400 || !unitOfWork.resources().containsKey(RequestCommandGateway.COMMAND_COMPLETED);
    }

    private static void rollBackQuietly(UnitOfWork<?> unitOfWork, Throwable cause) {
        if (!unitOfWork.isActive()) {
            return;
        }
        try {
            unitOfWork.rollback(cause);
        } catch (RuntimeException rollbackFailure) {
            // A connection that died cannot roll back; PostgreSQL has already discarded its transaction.
            log.debug("Rollback of an idempotent request failed: {}", rollbackFailure.toString());
        }
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
        ProblemResponses.write(response, ProblemResponses.problem(code, detail));
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

    /**
     * Axon's view of the request's Spring transaction (a new one: the filter runs before anything else touches the
     * database), keeping its status at hand for the savepoint.
     */
    private static final class RequestTransaction implements TransactionManager {
        private final PlatformTransactionManager manager;
        private TransactionStatus status;

        RequestTransaction(PlatformTransactionManager manager) {
            this.manager = manager;
        }

        TransactionStatus status() {
            return status;
        }

        @Override
        public Transaction startTransaction() {
            TransactionStatus started = manager.getTransaction(TransactionDefinition.withDefaults());
            status = started;
            return new Transaction() {
                @Override
                public void commit() {
                    if (!started.isCompleted()) {
                        manager.commit(started);
                    }
                }

                @Override
                public void rollback() {
                    if (!started.isCompleted()) {
                        manager.rollback(started);
                    }
                }
            };
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
