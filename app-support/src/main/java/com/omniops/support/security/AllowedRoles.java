package com.omniops.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint, written on the endpoint itself (or on its controller when every endpoint of it has the
 * same audience), so a slice carries its own access rule and no central matrix has to be edited when one is added.
 * {@link HandlerAccessRules} collects these into the app's access matrix at start; an endpoint without one stops the
 * app from starting.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

    /** The roles allowed; nobody else is (ADMIN is not implied: list it where admins may call). */
    Role[] value();
}
