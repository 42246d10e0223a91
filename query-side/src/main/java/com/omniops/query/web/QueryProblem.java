package com.omniops.query.web;

import com.omniops.support.web.ErrorCode;

/**
 * Why a query handler refused a query; travels as the details of Axon's {@code QueryExecutionException} (also
 * through Axon Server) and becomes a problem response at the HTTP edge.
 */
public record QueryProblem(int status, String code, String detail) {

    public static QueryProblem of(ErrorCode code, String detail) {
        return new QueryProblem(code.httpStatus(), code.name(), detail);
    }
}
