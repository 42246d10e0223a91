package com.omniops.support.security;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The app's access matrix, collected from the {@link AllowedRoles} of its request mappings: the common rules first,
 * then one rule per endpoint path (per method where the methods of one path have different audiences), the most
 * specific patterns first (a literal segment before a path variable),
 * so {@code /api/orders/export} is decided by its own rule and not by {@code /api/orders/{id}}'s. Endpoints the
 * common rules already cover (API documents, the error page) need no annotation; any other endpoint without one is
 * a programming error and fails the start, because an unlisted endpoint would otherwise be silently denied.
 */
public final class HandlerAccessRules implements AccessRules {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    /** Fewer wildcards first, then the longer pattern: the order Spring Security must try them in. */
    private static final Comparator<AccessRule> MOST_SPECIFIC_FIRST = Comparator
            .comparingLong((AccessRule rule) -> rule.pattern().chars().filter(c -> c == '*').count())
            .thenComparing(rule -> -rule.pattern().length())
            .thenComparing(AccessRule::pattern)
            .thenComparing(rule -> rule.method() == null ? "" : rule.method().name());

    /** Stands for "any method" for a mapping that names none; never a real request's method. */
    private static final HttpMethod ANY_METHOD = HttpMethod.valueOf("ANY");

    private final List<AccessRule> rules;

    public HandlerAccessRules(RequestMappingHandlerMapping mappings) {
        this.rules = collect(mappings.getHandlerMethods());
    }

    @Override
    public List<AccessRule> rules() {
        return rules;
    }

    static List<AccessRule> collect(Map<RequestMappingInfo, HandlerMethod> handlers) {
        Map<String, Map<HttpMethod, Set<Role>>> byPattern = new TreeMap<>();
        List<String> unguarded = new ArrayList<>();
        handlers.forEach((info, handler) -> {
            AllowedRoles allowed = allowedRoles(handler);
            List<HttpMethod> methods = info.getMethodsCondition().getMethods().stream()
                    .map(m -> HttpMethod.valueOf(m.name())).toList();
            for (String pattern : info.getPatternValues()) {
                String antPattern = pattern.replaceAll("\\{[^/]+}", "*");
                if (allowed == null) {
                    if (!coveredByCommonRules(antPattern, methods)) {
                        unguarded.add((methods.isEmpty() ? "*" : methods) + " " + pattern + " ("
                                + handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName() + ")");
                    }
                    continue;
                }
                if (allowed.value().length == 0) {
                    throw new IllegalStateException("@AllowedRoles on " + handler + " names no role");
                }
                Set<Role> roles = EnumSet.of(allowed.value()[0], allowed.value());
                Map<HttpMethod, Set<Role>> perMethod = byPattern.computeIfAbsent(antPattern, p -> new HashMap<>());
                for (HttpMethod method : methods.isEmpty() ? List.of(ANY_METHOD) : methods) {
                    Set<Role> before = perMethod.put(method, roles);
                    if (before != null && !before.equals(roles)) {
                        throw new IllegalStateException("Endpoints " + method + " " + pattern
                                + " declare different @AllowedRoles");
                    }
                }
            }
        });
        if (!unguarded.isEmpty()) {
            throw new IllegalStateException("Every endpoint must say who may call it with @AllowedRoles; missing on: "
                    + String.join(", ", unguarded));
        }
        List<AccessRule> endpointRules = new ArrayList<>();
        byPattern.forEach((pattern, perMethod) -> {
            Set<Set<Role>> audiences = new HashSet<>(perMethod.values());
            if (audiences.size() == 1) {
                // one audience for the path: any method passes security, so a wrong one gets MVC's 405, not a 403
                endpointRules.add(new AccessRule(null, pattern, audiences.iterator().next(), false));
            } else {
                perMethod.forEach((method, roles) -> endpointRules.add(
                        new AccessRule(ANY_METHOD.equals(method) ? null : method, pattern, roles, false)));
            }
        });
        List<AccessRule> all = new ArrayList<>(COMMON);
        endpointRules.stream().sorted(MOST_SPECIFIC_FIRST).forEach(all::add);
        return List.copyOf(all);
    }

    private static AllowedRoles allowedRoles(HandlerMethod handler) {
        AllowedRoles onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), AllowedRoles.class);
        return onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AllowedRoles.class);
    }

    private static boolean coveredByCommonRules(String pattern, List<HttpMethod> methods) {
        String path = pattern.replace("**", "x").replace("*", "x");
        return COMMON.stream().anyMatch(rule -> PATHS.match(rule.pattern(), path)
                && (rule.method() == null || methods.equals(List.of(rule.method()))));
    }
}
