package com.omniops.command.order;

public enum OrderStatus { PLACED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED }
