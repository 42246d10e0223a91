package com.omniops.events.refund;

/** What a refund follows from. */
public enum RefundSource { RETURN, CANCELLATION, GOODWILL }
