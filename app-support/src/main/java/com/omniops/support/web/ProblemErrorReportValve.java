package com.omniops.support.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Replaces Tomcat's HTML error report. Tomcat refuses some requests before any web application sees them (a URL
 * with %00, an encoded '/' or '\', a malformed %-escape: its URL decoder and normaliser answer 400 and no servlet,
 * filter or error page runs); this valve, in the host's pipeline, writes those answers as problem+json like
 * everything else. Responses the application already wrote (its own error page included) pass untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            String code = status == 400 ? ProblemResponses.REQUEST_REJECTED : CommonErrorCode.forStatus(status);
            String detail = status == 400 ? ProblemResponses.REJECTED_DETAIL
                    : ProblemResponses.detailForStatus(status);
            ProblemResponses.write(response, status, code, detail, null);
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the problem for a {} the container answered", status, e);
        }
    }
}
