package com.omniops.command.web;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.settlement.importing.SettlementFileRejected;
import com.omniops.command.rule.ErrorCode;
import com.omniops.support.web.DatabaseOutage;
import com.omniops.support.web.InvalidRequestInput;
import com.omniops.support.web.ProblemResponses;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * Every error leaves as RFC 9457 problem+json with a stable {@code code}. Messages never include stack traces, SQL or
 * class names; unexpected faults are logged here and answered with a generic 500.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** The command side's problems, built by the one problem builder of both apps. */
    public static ProblemDetail problem(ErrorCode code, String detail) {
        return ProblemResponses.problem(code, detail);
    }

    public static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ProblemResponses.respond(problem);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    public ResponseEntity<Object> onRuleViolation(BusinessRuleViolation e) {
        ProblemDetail problem = problem(e.code(), e.getMessage());
        e.details().forEach(problem::setProperty);
        return respond(problem);
    }

    /** A settlement report that does not fit its layout: where (line, column) and why; nothing was imported. */
    @ExceptionHandler(SettlementFileRejected.class)
    public ResponseEntity<Object> onSettlementFileRejected(SettlementFileRejected e) {
        ProblemDetail problem = problem(ErrorCode.SETTLEMENT_FILE_MALFORMED, "The file was not imported: "
                + e.getMessage() + ".");
        problem.setProperty("line", e.line());
        if (e.column() != null) {
            problem.setProperty("column", e.column());
        }
        problem.setProperty("reason", e.reason());
        return respond(problem);
    }

    /** An upload above spring.servlet.multipart.max-file-size. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problem(ErrorCode.PAYLOAD_TOO_LARGE, "The uploaded file is larger than the "
                + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes " : "") + "an upload may have."));
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<Object> onConcurrency(ConcurrencyException e) {
        log.warn("Command lost a concurrency race after retries: {}", e.getMessage());
        return respond(problem(ErrorCode.CONCURRENT_MODIFICATION,
                "Another change to the same records won the race; retry the request."));
    }

    /** Over Axon Server a remote handler's exception arrives wrapped, with the violation in its details. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> onRemoteFailure(CommandExecutionException e) {
        if (e.getCause() instanceof BusinessRuleViolation violation) {
            return onRuleViolation(violation);
        }
        return onUnexpected(e);
    }

    /** A path variable or query parameter refused by the shared check of the URL. */
    @ExceptionHandler(InvalidRequestInput.class)
    public ResponseEntity<Object> onInvalidInput(InvalidRequestInput e) {
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, e.detail());
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return respond(problem);
    }

    /**
     * A constraint on a path variable of a {@code @Validated} controller (e.g. a warehouse code with ':'): Spring's
     * method validation proxy throws this before the handler runs. Unmapped, it used to be a 500.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> onConstraintViolation(ConstraintViolationException e) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.<String, Object>of("field", parameterName(v), "message", v.getMessage()))
                .sorted(java.util.Comparator.comparing(m -> m.get("field").toString())).toList();
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, "Parameter '" + errors.get(0).get("field")
                + "' " + errors.get(0).get("message") + ".");
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static String parameterName(ConstraintViolation<?> violation) {
        String name = "parameter";
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName(); // method name, then parameter name (the build keeps parameter names)
        }
        return name;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> onUnexpected(Exception e) {
        if (DatabaseOutage.isOverload(e)) {
            return overloaded(e);
        }
        if (DatabaseOutage.isCause(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure while handling a request", e);
        return respond(problem(ErrorCode.INTERNAL_ERROR,
                "The request could not be completed; nothing was changed. Retry later or contact support."));
    }

    /** The database is away (Spring's, Axon's or the driver's way of saying so): 503, the client may retry. */
    public static ResponseEntity<Object> databaseUnavailable(Throwable e) {
        log.warn("Database unavailable: {}", e.toString());
        return ResponseEntity.status(ErrorCode.DATABASE_UNAVAILABLE.httpStatus())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(ErrorCode.DATABASE_UNAVAILABLE, DatabaseOutage.DETAIL));
    }

    /** No database connection came free within the pool's timeout, the database answering: 503, retry shortly. */
    public static ResponseEntity<Object> overloaded(Throwable e) {
        log.warn("Overloaded: {}", e.toString());
        return ResponseEntity.status(ErrorCode.OVERLOADED.httpStatus())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.OVERLOADED_RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(ErrorCode.OVERLOADED, DatabaseOutage.OVERLOADED_DETAIL));
    }

    /**
     * The same 503 OVERLOADED, written by a filter (no controller advice runs there): {@code detail} says which limit
     * was met (a full pool, or the commands already running).
     */
    public static void writeOverloaded(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.OVERLOADED_RETRY_AFTER_SECONDS));
        ProblemResponses.write(response, ProblemResponses.problem(ErrorCode.OVERLOADED, detail));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ApiProblems::fieldError).toList();
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED,
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, Object>> errors = new java.util.ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("field", result.getMethodParameter().getParameterName() == null ? "parameter"
                                : result.getMethodParameter().getParameterName(),
                        "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))));
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, errors.isEmpty()
                ? "The request parameters are invalid."
                : "Parameter '" + errors.get(0).get("field") + "' " + errors.get(0).get("message") + ".");
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestSizeLimitFilter.isTooLarge(e)) {
            return respond(problem(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than allowed."));
        }
        return BodyErrors.fieldError(e)
                .map(error -> {
                    ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED,
                            "The request has 1 invalid field(s): " + error.get("field") + " " + error.get("message")
                                    + ".");
                    problem.setProperty("errors", List.of(error));
                    return respond(problem);
                })
                .orElseGet(() -> respond(problem(ErrorCode.MALFORMED_REQUEST,
                        "The request body is not valid JSON for this endpoint: one JSON object, nothing after it.")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return respond(problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        return respond(problem(ErrorCode.METHOD_NOT_ALLOWED, "This endpoint does not accept " + e.getMethod() + "."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return respond(problem(ErrorCode.NOT_FOUND, "There is no such endpoint."));
    }

    /** Any other Spring MVC exception: keep its status, add a code, never leak internals. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = statusCode.is4xxClientError()
                ? ProblemResponses.problem(statusCode.value(), ErrorCode.MALFORMED_REQUEST.name(),
                        "The request could not be accepted as sent.")
                : ProblemResponses.problem(statusCode.value(), ErrorCode.INTERNAL_ERROR.name(),
                        "The request could not be completed.");
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static Map<String, Object> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}
