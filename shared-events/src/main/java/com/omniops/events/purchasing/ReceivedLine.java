package com.omniops.events.purchasing;

import java.math.BigDecimal;

public record ReceivedLine(int lineNo, String sku, int quantity, BigDecimal unitCost) {
}
