package com.omniops.system.security;

import com.omniops.support.security.AccessRule;
import com.omniops.support.security.AccessRules;
import com.omniops.support.security.Role;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestApps;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enumerates every request mapping of both apps: each must be covered by an explicit rule of the app's access
 * matrix, anonymous callers must get 401 (unless the rule is open), a user with none of the allowed roles 403, and a
 * user with an allowed role must get past security.
 */
class AccessMatrixTest {

    /** The demo users and their single role (password "<user>-demo"). */
    private static final Map<Role, String> USERS = Map.of(Role.ADMIN, "admin", Role.SALES, "sales",
            Role.WAREHOUSE, "warehouse", Role.PURCHASING, "purchasing", Role.FINANCE, "finance",
            Role.VIEWER, "viewer", Role.AUDITOR, "auditor", Role.CHANNEL, "web-shop");
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @TestFactory
    Stream<DynamicTest> everyCommandEndpointHasAnExplicitRuleThatIsEnforced() {
        return endpoints(TestApps.commandSide(), TestApps.commandUrl());
    }

    @TestFactory
    Stream<DynamicTest> everyQueryEndpointHasAnExplicitRuleThatIsEnforced() {
        return endpoints(TestApps.querySide(), TestApps.queryUrl());
    }

    /** {@code stream}: it answers with Server-Sent Events, a response that does not end. */
    private record Endpoint(HttpMethod method, String pattern, boolean stream) {
        String concretePath() {
            return pattern.replaceAll("\\{[^}]+}", "x1");
        }
    }

    private Stream<DynamicTest> endpoints(ConfigurableApplicationContext app, String baseUrl) {
        List<AccessRule> rules = app.getBean(AccessRules.class).rules();
        List<Endpoint> endpoints = new ArrayList<>();
        app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .keySet().forEach(info -> endpoints.addAll(endpointsOf(info)));
        assertThat(endpoints).as("request mappings found").hasSizeGreaterThan(3);
        return endpoints.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.method() + " "
                + endpoint.pattern(), () -> {
            Optional<AccessRule> rule = rules.stream().filter(r -> covers(r, endpoint)).findFirst();
            assertThat(rule).as("an explicit access rule for %s %s", endpoint.method(), endpoint.pattern())
                    .isPresent();
            String url = baseUrl + endpoint.concretePath();
            if (rule.get().open()) {
                assertThat(call(Http.anonymous(), endpoint, url).status()).isNotIn(401, 403);
                return;
            }
            Http.Response anonymous = call(Http.anonymous(), endpoint, url);
            assertThat(anonymous.status()).as("anonymous " + url).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
            Set<Role> allowed = rule.get().roles();
            USERS.keySet().stream().filter(role -> !allowed.contains(role)).findFirst().ifPresent(role -> {
                Http.Response refused = call(Http.as(USERS.get(role)), endpoint, url);
                assertThat(refused.status()).as(role + " on " + url).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("FORBIDDEN");
            });
            Role permitted = allowed.stream().filter(USERS::containsKey).findFirst().orElseThrow();
            assertThat(call(Http.as(USERS.get(permitted)), endpoint, url).status())
                    .as(permitted + " on " + url).isNotIn(401, 403);
        }));
    }

    private static List<Endpoint> endpointsOf(RequestMappingInfo info) {
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> patterns = info.getPatternValues();
        var methods = info.getMethodsCondition().getMethods();
        boolean stream = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM);
        for (String pattern : patterns) {
            if (methods.isEmpty()) {
                endpoints.add(new Endpoint(HttpMethod.GET, pattern, stream));
            } else {
                methods.forEach(m -> endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern, stream)));
            }
        }
        return endpoints;
    }

    private static boolean covers(AccessRule rule, Endpoint endpoint) {
        return (rule.method() == null || rule.method().equals(endpoint.method()))
                && PATHS.match(rule.pattern(), endpoint.concretePath());
    }

    private static Http.Response call(Http client, Endpoint endpoint, String url) {
        HttpMethod method = endpoint.method();
        if (endpoint.stream()) {
            return client.openStreamAs(url); // the status only: an event stream does not end
        }
        if (HttpMethod.GET.equals(method)) {
            return client.getAs(url);
        }
        if (HttpMethod.DELETE.equals(method)) {
            return client.deleteAs(url);
        }
        assertThat(method).isEqualTo(HttpMethod.POST);
        return client.postAs(url, "{}");
    }
}
