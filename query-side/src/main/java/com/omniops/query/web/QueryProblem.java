package com.omniops.query.web;

/**
 * Why a query handler refused a query; travels as the details of Axon's {@code QueryExecutionException} (also
 * through Axon Server) and becomes a problem response at the HTTP edge.
 */
public record QueryProblem(int status, String code, String detail) {
}
