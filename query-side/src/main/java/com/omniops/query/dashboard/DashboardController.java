package com.omniops.query.dashboard;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

import com.omniops.support.security.AccessRule;
import com.omniops.support.security.AccessRules;
import com.omniops.support.security.Actor;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations dashboard (docs/kpis.md "Dashboard"): one page and its script and styles, from the jar (no CDN), for
 * every signed-in user; the data comes from the same APIs with the same roles, so the browser's Basic sign-in is all
 * it needs.
 */
@RestController
@Tag(name = "Dashboard", description = "The operations dashboard page (/dashboard) and who is signed in")
class DashboardController {

    private static final CacheControl REVALIDATE = CacheControl.noCache();

    @Hidden
    @AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
    @GetMapping(value = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return asset("index.html", MediaType.TEXT_HTML);
    }

    @Hidden
    @AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
    @GetMapping(value = "/dashboard/dashboard.js", produces = "text/javascript")
    ResponseEntity<Resource> script() {
        return asset("dashboard.js", MediaType.parseMediaType("text/javascript"));
    }

    @Hidden
    @AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN})
    @GetMapping(value = "/dashboard/dashboard.css", produces = "text/css")
    ResponseEntity<Resource> styles() {
        return asset("dashboard.css", MediaType.parseMediaType("text/css"));
    }

    /**
     * What the page asks the access rules about for the signed-in user, so it neither shows a button the user may
     * not press nor asks for a figure the user may not see: name → the request it stands for.
     */
    private static final Map<String, AccessRule> CAPABILITIES = Map.of(
            "margins", new AccessRule(HttpMethod.GET, "/api/margins", Set.of(), false),
            "acknowledgeAlerts", new AccessRule(HttpMethod.POST, "/api/alerts/x/acknowledgement", Set.of(), false));
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final AccessRules access;

    DashboardController(AccessRules access) {
        this.access = access;
    }

    /** The signed-in user and what the access rules let them do of what the page offers. */
    record Me(String name, Set<String> roles, String channel, Map<String, Boolean> may) {
    }

    @AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN, CHANNEL})
    @GetMapping("/api/me")
    @Operation(summary = "Who is signed in: user name, roles, (a channel integration) its channel, and what the "
            + "access rules let them do of what the dashboard offers (may.margins, may.acknowledgeAlerts)")
    Me me() {
        Actor actor = Actor.current().orElseThrow();
        Map<String, Boolean> may = new TreeMap<>();
        CAPABILITIES.forEach((name, request) -> may.put(name, allowed(actor, request)));
        return new Me(actor.name(), actor.roles(), actor.channel(), may);
    }

    /** The first rule covering the request decides, as for the request itself (HandlerAccessRules). */
    private boolean allowed(Actor actor, AccessRule request) {
        return access.rules().stream()
                .filter(rule -> (rule.method() == null || rule.method().equals(request.method()))
                        && PATHS.match(rule.pattern(), request.pattern()))
                .findFirst()
                .map(rule -> rule.open() || rule.roles().stream().anyMatch(role -> actor.roles().contains(role.name())))
                .orElse(false);
    }

    private static ResponseEntity<Resource> asset(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).cacheControl(REVALIDATE)
                .body(new ClassPathResource("dashboard/" + name));
    }
}
