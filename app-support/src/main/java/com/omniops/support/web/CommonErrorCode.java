package com.omniops.support.web;

/** The codes both apps answer at the edge (security, URL checks, error pages, framework refusals, outages). */
public enum CommonErrorCode implements ErrorCode {
    BAD_REQUEST(400),
    /** What the URL check and the firewall say of a request refused before any controller. */
    REQUEST_REJECTED(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    REQUEST_TIMEOUT(408),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503),
    /** The database does not answer: retry later, nothing was changed. */
    DATABASE_UNAVAILABLE(503),
    /** Every database connection stayed busy for the whole connection timeout: retry shortly, nothing was changed. */
    OVERLOADED(503);

    private final int httpStatus;

    CommonErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    /** The code for a status when nothing more specific is known ({@code HTTP_<status>} for a 4xx without one). */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST.name();
            case 401 -> UNAUTHENTICATED.name();
            case 403 -> FORBIDDEN.name();
            case 404 -> NOT_FOUND.name();
            case 405 -> METHOD_NOT_ALLOWED.name();
            case 406 -> NOT_ACCEPTABLE.name();
            case 408 -> REQUEST_TIMEOUT.name();
            case 413 -> PAYLOAD_TOO_LARGE.name();
            case 414 -> URI_TOO_LONG.name();
            case 415 -> UNSUPPORTED_MEDIA_TYPE.name();
            case 503 -> SERVICE_UNAVAILABLE.name();
            default -> status >= 500 ? INTERNAL_ERROR.name() : "HTTP_" + status;
        };
    }
}
