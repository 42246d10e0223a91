package com.omniops.command.purchasing;

public enum PurchaseOrderStatus { DRAFT, SUBMITTED, CONFIRMED, PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED }
