package com.omniops.support.security;

import java.util.List;

/**
 * An app's access matrix. Every request mapping must be covered by a rule (a test enumerates them); anything not
 * covered is denied.
 */
public interface AccessRules {

    List<AccessRule> rules();
}
