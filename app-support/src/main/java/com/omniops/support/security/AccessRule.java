package com.omniops.support.security;

import org.springframework.http.HttpMethod;

import java.util.EnumSet;
import java.util.Set;

/**
 * One line of an app's access matrix: requests with this method (any method when null) whose path matches the Ant
 * pattern are allowed to the listed roles, or to everybody when {@code open}.
 */
public record AccessRule(HttpMethod method, String pattern, Set<Role> roles, boolean open) {

    public AccessRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static AccessRule allow(HttpMethod method, String pattern, Role first, Role... more) {
        return new AccessRule(method, pattern, EnumSet.of(first, more), false);
    }

    public static AccessRule open(HttpMethod method, String pattern) {
        return new AccessRule(method, pattern, Set.of(), true);
    }
}
