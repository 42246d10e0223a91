package com.omniops.query.masterdata;

/** One product; with {@code listingsOfChannel}, only if listed there and with that listing only. */
public record GetProduct(String sku, String listingsOfChannel) {
}
