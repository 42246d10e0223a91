package com.omniops.command.order.fulfilment;

/** Where the units reserved for an order in one warehouse are on their way out. */
public enum FulfilmentStage { PICKED, PACKED }
