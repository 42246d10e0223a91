package com.omniops.command.order.returns;

public enum ReturnStatus { REQUESTED, RECEIVED, INSPECTED }
