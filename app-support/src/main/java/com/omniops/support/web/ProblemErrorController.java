package com.omniops.support.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * The error page of both apps, replacing Boot's whitelabel page and its default JSON: whatever ends in the
 * container's error dispatch (an exception that escaped a filter, e.g. when the database went away mid-request; a
 * {@code sendError} from a filter or from Spring Security's firewall; a 404 or 405 no handler answered) is a problem
 * with a {@code code}, without exception details.
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object statusCode = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // without the container's error attributes this is a direct request for /error, which is no resource
        int status = statusCode == null ? 404 : statusCode instanceof Integer code && code >= 400 ? code : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && status >= 500) {
            log.error("Request to {} failed outside the handlers", uri, failure);
        }
        return ProblemResponses.respond(ProblemResponses.withInstance(ProblemResponses.problem(status,
                CommonErrorCode.forStatus(status), ProblemResponses.detailForStatus(status)),
                uri == null ? null : uri.toString()));
    }
}
