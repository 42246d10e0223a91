package com.omniops.events.purchasing;

public record ConfirmedLine(int lineNo, int quantity) {
}
