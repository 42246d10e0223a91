package com.omniops.events.order;

/** What a fee charged against an order is for. */
public enum FeeType { MARKETPLACE_COMMISSION, PAYMENT_PROCESSING, FULFILMENT, OTHER }
