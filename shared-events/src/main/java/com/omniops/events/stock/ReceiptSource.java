package com.omniops.events.stock;

public enum ReceiptSource { PURCHASE_ORDER, TRANSFER_IN, CUSTOMER_RETURN, OPENING_BALANCE, OTHER }
