package com.omniops.query.transfers;

/** One transfer with its lines. */
public record GetTransfer(String transferId) {
}
