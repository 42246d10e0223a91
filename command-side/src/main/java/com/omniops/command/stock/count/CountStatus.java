package com.omniops.command.stock.count;

/** APPLIED: the variance was adjusted (at once or on approval); PENDING: awaiting approval; REJECTED: never applied. */
public enum CountStatus { APPLIED, PENDING, REJECTED }
