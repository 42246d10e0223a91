package com.omniops.query.web;

import com.omniops.support.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with the stable error {@code code} clients can rely on. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String parameter;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, null);
    }

    private ApiException(HttpStatus status, String code, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.code = code;
        this.parameter = parameter;
    }

    /** Refused with {@code code}, sent with the status that belongs to it. */
    public ApiException(ErrorCode code, String detail) {
        this(HttpStatus.valueOf(code.httpStatus()), code.name(), detail);
    }

    /** A request refused as a whole (e.g. two parameters that must come together). */
    public static ApiException invalidParameter(String detail) {
        return new ApiException(QueryErrorCode.INVALID_PARAMETER, detail);
    }

    /** Parameter {@code name} refused ({@link RequestParams}); the problem names it in {@code parameter}. */
    public static ApiException invalidParameter(String name, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, QueryErrorCode.INVALID_PARAMETER.name(), detail, name);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The refused request parameter, or null when the refusal is not about one. */
    public String parameter() {
        return parameter;
    }
}
