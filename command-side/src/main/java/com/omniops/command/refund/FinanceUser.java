package com.omniops.command.refund;

import com.omniops.support.security.Actor;

/** Who decided on a refund: the authenticated user, never a name the caller types in. */
public final class FinanceUser {

    private FinanceUser() {
    }

    public static String current() {
        return Actor.current().map(Actor::name).orElseThrow(() ->
                new IllegalStateException("a refund decision without an authenticated user"));
    }
}
