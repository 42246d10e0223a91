package com.omniops.query.web;

import com.omniops.support.web.ErrorCode;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with the stable error {@code code} clients can rely on. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    /** Refused with {@code code}, sent with the status that belongs to it. */
    public ApiException(ErrorCode code, String detail) {
        this(HttpStatus.valueOf(code.httpStatus()), code.name(), detail);
    }

    public static ApiException invalidParameter(String detail) {
        return new ApiException(QueryErrorCode.INVALID_PARAMETER, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
