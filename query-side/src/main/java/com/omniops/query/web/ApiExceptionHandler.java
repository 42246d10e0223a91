package com.omniops.query.web;

import com.omniops.support.web.CommonErrorCode;
import com.omniops.support.web.DatabaseOutage;
import com.omniops.support.web.InvalidRequestInput;
import com.omniops.support.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an RFC 9457 problem with a stable {@code code}. Responses never carry stack traces or
 * class names; unexpected faults are logged and answered with a generic 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> refused(ApiException e) {
        ProblemDetail body = body(e.status(), e.code(), e.getMessage());
        if (e.parameter() != null) {
            body.setProperty("parameter", e.parameter());
        }
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            // the service is temporarily unable to answer (the command side away, a feed rebuilding): come back
            return ResponseEntity.status(e.status())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS)).body(body);
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    /** A path variable or query parameter refused by the shared check of the URL (app-support). */
    @ExceptionHandler(InvalidRequestInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidRequestInput e) {
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, QueryErrorCode.INVALID_PARAMETER.name(), e.detail());
        body.setProperty("parameter", e.parameter());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> fault(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.isOverload(e)) {
            log.warn("Overloaded on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.OVERLOADED_RETRY_AFTER_SECONDS))
                    .body(body(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.OVERLOADED_CODE,
                            DatabaseOutage.OVERLOADED_DETAIL));
        }
        if (DatabaseOutage.isCause(e)) {
            return databaseUnavailable(e, request);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, CommonErrorCode.INTERNAL_ERROR.name(),
                "The request could not be completed because of an internal error; it has been logged.");
    }

    /** The database is away (however Spring, jOOQ or Axon wrapped it): 503, the client may retry. */
    static ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body(body(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.CODE, DatabaseOutage.DETAIL));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : describe(ex.getRequiredType());
        ProblemDetail body = body(HttpStatus.BAD_REQUEST, QueryErrorCode.INVALID_PARAMETER.name(),
                "Parameter '" + name + "' must be " + expected + ".");
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail body = body(HttpStatus.NOT_FOUND, CommonErrorCode.NOT_FOUND.name(),
                "There is no endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
        return handleExceptionInternal(ex, body, headers, HttpStatus.NOT_FOUND, request);
    }

    /** Every problem Spring MVC builds itself (400, 404, 405, 406, 415, ...) gets its {@code code} here. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", statusCode.value() == 400 && isParameterProblem(ex)
                        ? QueryErrorCode.INVALID_PARAMETER.name() : QueryErrorCode.forStatus(statusCode.value()));
            }
            if (statusCode.is5xxServerError()) {
                log.error("Request failed", ex);
                problem.setDetail("The request could not be completed because of an internal error.");
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static boolean isParameterProblem(Exception ex) {
        return ex instanceof org.springframework.web.bind.MissingServletRequestParameterException
                || ex instanceof org.springframework.web.bind.ServletRequestBindingException
                || ex instanceof org.springframework.web.method.annotation.HandlerMethodValidationException
                || ex instanceof org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a valid " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    static ProblemDetail body(HttpStatus status, String code, String detail) {
        return ProblemResponses.problem(status.value(), code, detail);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(body(status, code, detail));
    }
}
