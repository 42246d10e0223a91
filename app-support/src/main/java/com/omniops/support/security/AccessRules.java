package com.omniops.support.security;

import java.util.ArrayList;
import java.util.List;

import static com.omniops.support.security.AccessRule.allow;
import static com.omniops.support.security.AccessRule.open;
import static org.springframework.http.HttpMethod.GET;

/**
 * An app's access matrix. Every request mapping must be covered by a rule (a test enumerates them); anything not
 * covered is denied.
 */
public interface AccessRules {

    /** What both apps share: API documents, health probes and the error page for anyone; other actuators for admins. */
    List<AccessRule> COMMON = List.of(
            open(GET, "/v3/api-docs"),
            open(GET, "/v3/api-docs.yaml"),
            open(GET, "/v3/api-docs/**"),
            open(GET, "/swagger-ui/**"),
            open(GET, "/swagger-ui.html"),
            open(GET, "/actuator/health/**"),
            open(GET, "/actuator/health"),
            open(null, "/error"),
            allow(GET, "/actuator/**", Role.ADMIN));

    List<AccessRule> rules();

    /** The common rules followed by the app's own. */
    static List<AccessRule> withCommonRules(AccessRule... appRules) {
        List<AccessRule> all = new ArrayList<>(COMMON);
        all.addAll(List.of(appRules));
        return List.copyOf(all);
    }
}
