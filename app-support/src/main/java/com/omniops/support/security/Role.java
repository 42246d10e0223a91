package com.omniops.support.security;

/**
 * Who may do what. People get one or more of the business roles; {@code CHANNEL} is the machine role of a sales
 * channel's integration (bound to one channel); {@code SYSTEM} is the actor of policies and the demo loader and is
 * never given to a login.
 */
public enum Role {
    SALES, WAREHOUSE, PURCHASING, FINANCE, ADMIN, VIEWER, AUDITOR, CHANNEL, SYSTEM;

    public String authority() {
        return "ROLE_" + name();
    }
}
