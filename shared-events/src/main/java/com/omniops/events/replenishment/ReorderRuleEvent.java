package com.omniops.events.replenishment;

public sealed interface ReorderRuleEvent permits ReorderRuleSet {
    String stockItemId();
}
